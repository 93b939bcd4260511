"""Compile C kernels into cffi API-mode extension modules and import them, cached by content hash.
Owns compiler detection, flags, the cache key, the cffi build and the fallback when the cache is
unsafe or full; disk mechanics and the threat model live in codegen.cache."""

from __future__ import annotations

import atexit
import contextlib
import errno
import functools
import hashlib
import io
import os
import platform
import re
import shlex
import shutil
import subprocess
import sys
import sysconfig
import tempfile
import threading
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from types import ModuleType

import cffi
import platformdirs

from . import cache

__all__ = [
    "BuildError",
    "CompilerNotFoundError",
    "KernelStore",
    "build_module",
    "cache_key",
    "cache_root",
    "clear_memo",
    "compile_flags",
    "default_cache_dir",
    "default_store",
    "find_compiler",
    "is_cached",
    "module_flags",
]

KEY_FORMAT = "symgrad-kernel-1"  # bump to invalidate every cached kernel
_LIBRARIES = [] if sys.platform == "win32" else ["m"]
_ENV_FLAGS = ("CFLAGS", "CPPFLAGS", "LDFLAGS", "LDSHARED")  # setuptools reads these too

# Builds chdir (cffi) and redirect fds 1/2, which are process-wide: one build at a time per process.
_BUILD_LOCK = threading.RLock()
_DISK_FULL = re.compile(r"No space left on device|Disk quota exceeded|Read-only file system")


class BuildError(Exception):
    """A kernel could not be built or loaded; ``.log`` holds the full compiler output (or None)."""

    def __init__(self, message: str, log: str | None = None) -> None:
        super().__init__(" ".join(str(message).split()))  # always one line
        self.log = log


class CompilerNotFoundError(BuildError):
    """No C compiler on this machine."""


class KernelStore:
    """Per-process cache state that cannot live on disk: the private fallback cache dir (used
    when the configured one is unsafe, read-only or full) and the roots already warned about.
    There is no memo of loaded modules: a verified disk hit costs ~1 ms (measured), which is
    noise beside kernel.compile, and every load goes through the same checks."""

    def __init__(self) -> None:
        self._warned: set[str] = set()
        self._fallback: Path | None = None
        self._lock = threading.RLock()

    def forget(self) -> None:
        """Behave like a new process: no fallback dir (the old one is still removed at exit),
        no roots warned about."""
        with self._lock:
            self._warned.clear()
            self._fallback = None

    def warn_once(self, root: object, reason: BaseException | str, fallback: Path) -> None:
        """One line on stderr per refused cache root and process (threads included)."""
        with self._lock:
            if str(root) in self._warned:
                return
            self._warned.add(str(root))
        why = " ".join(str(reason).split())
        print(
            f"symgrad: warning: kernel cache {root} not used ({why}); building in the private directory {fallback}",
            file=sys.stderr,
            flush=True,
        )

    def fallback_root(self) -> Path:
        """This process's private cache (a fresh 0700 temporary dir, removed at exit), created on
        first need; BuildError (one line) if even that cannot be created."""
        root = self._fallback_root(create=True)
        assert root is not None
        return root

    def existing_fallback_root(self) -> Path | None:
        """The private cache if this process has created it already, else None (never creates)."""
        return self._fallback_root(create=False)

    def _fallback_root(self, create: bool) -> Path | None:
        with self._lock:
            if self._fallback is None and create:
                try:
                    d = Path(tempfile.mkdtemp(prefix="symgrad-cache-"))
                except OSError as exc:
                    raise BuildError(
                        f"cannot create a private kernel cache in "
                        f"{tempfile.gettempdir()}: {exc} (free disk space or set "
                        "TMPDIR / SYMGRAD_CACHE_DIR to a writable disk)"
                    ) from None
                atexit.register(shutil.rmtree, d, ignore_errors=True)
                self._fallback = d.resolve()
            return self._fallback


_DEFAULT_STORE = KernelStore()  # process-wide by nature: one fallback dir, one warning per root


def default_store() -> KernelStore:
    """The process-wide KernelStore build_module uses unless given one. It is the only
    per-process state of the build (no module-level dicts or sets): created at import, so there
    is no first-use race, and every method takes its lock. Pass `store=KernelStore()` to
    build_module / cache_root for an isolated one (tests, embedding applications)."""
    return _DEFAULT_STORE


def compile_flags(portable: bool = False) -> list[str]:
    """Flags appended after Python's own CFLAGS (so -fno-wrapv overrides the inherited -fwrapv,
    which blocks vectorisation). No -ffast-math: NaN/inf semantics must be kept."""
    if sys.platform == "win32" and not os.environ.get("CC"):
        return ["/O2", "/fp:precise"]  # MSVC
    flags = ["-O3", "-g0", "-std=gnu99", "-fno-wrapv"]
    machine = platform.machine().lower()
    if not portable and machine in ("x86_64", "amd64", "i386", "i686"):
        flags.append("-march=native")
    elif not portable and machine.startswith(("arm64", "aarch64", "ppc", "powerpc")):
        flags.append("-mcpu=native")  # the gcc/clang spelling on these targets
    return flags


def module_flags(portable: bool = False, extra_compile_args: Sequence[str] = ()) -> list[str]:
    """Every flag a kernel build passes after Python's own: compile_flags(portable), then
    `extra_compile_args`, then $CFLAGS split like a shell (last, so the user's flags win)."""
    user = os.environ.get("CFLAGS", "")
    try:
        user_flags = shlex.split(user)
    except ValueError:  # unbalanced quotes
        user_flags = user.split()
    return compile_flags(portable) + [str(a) for a in extra_compile_args] + user_flags


def default_cache_dir() -> Path:
    """$SYMGRAD_CACHE_DIR, else the platform's per-user cache directory for symgrad
    (platformdirs: ~/.cache/symgrad or $XDG_CACHE_HOME/symgrad, ~/Library/Caches/symgrad,
    %LOCALAPPDATA%\\symgrad\\Cache)."""
    env = os.environ.get("SYMGRAD_CACHE_DIR")
    if env:
        return Path(env).expanduser()
    return Path(platformdirs.user_cache_dir("symgrad", appauthor=False))


def find_compiler() -> list[str]:
    """argv prefix of the C compiler: $CC when set (may be 'ccache gcc'; it must exist), else
    the first of cc, gcc, clang on PATH."""
    cc_env = os.environ.get("CC", "").strip()
    if cc_env:
        try:
            argv = shlex.split(cc_env)
        except ValueError:  # unbalanced quotes
            argv = cc_env.split()
        path = shutil.which(argv[0]) if argv else None
        if path is None:
            raise CompilerNotFoundError(
                f"the C compiler named by the CC environment variable was not found: "
                f"CC={cc_env!r} (unset CC to use cc, gcc or clang from PATH)"
            )
        return [path, *argv[1:]]
    for name in ("cc", "gcc", "clang"):
        path = shutil.which(name)
        if path:
            return [path]
    if sys.platform == "win32":
        return ["msvc"]  # setuptools locates MSVC itself
    raise CompilerNotFoundError(
        "no C compiler found (looked for $CC, cc, gcc, clang); "
        "install gcc (Debian/Ubuntu: apt-get install gcc python3-dev)"
    )


@functools.cache
def _compiler_identity(argv: tuple[str, ...]) -> str:
    """Compiler path + first line of `cc --version` (in the cache key)."""
    try:
        out = subprocess.run(
            [*argv, "--version"], check=False, capture_output=True, text=True, timeout=60, stdin=subprocess.DEVNULL
        )
        lines = (out.stdout or out.stderr).strip().splitlines()
        version = lines[0] if lines else ""
    except (OSError, subprocess.SubprocessError):
        version = ""
    return f"{shlex.join(argv)} | {version}"


@functools.cache
def _cpu_fingerprint() -> str:
    """Identity of this CPU, so -march=native kernels are never shared across machines."""
    parts = [platform.machine(), platform.processor()]
    with contextlib.suppress(OSError), open("/proc/cpuinfo", encoding="utf-8", errors="replace") as f:
        fields: dict[str, str] = {}  # first occurrence of each identifying field (i.e. of CPU 0)
        for line in f:
            fields.setdefault(line.split(":", 1)[0].strip(), line.strip())
        parts += [fields.get(k, "") for k in ("model name", "flags", "Features", "CPU part", "cpu")]
    if sys.platform == "darwin":
        with contextlib.suppress(OSError, subprocess.SubprocessError):
            parts.append(
                subprocess.run(
                    ["sysctl", "-n", "machdep.cpu.brand_string"],
                    check=False,
                    capture_output=True,
                    text=True,
                    timeout=10,
                ).stdout
            )
    return "\n".join(parts)


def cache_key(c_source: str, cdef: str, flags: Sequence[str], link: Sequence[str] = ()) -> str:
    """sha256 hex over everything that determines the built extension (`link`: further build
    settings such as include / library dirs, libraries, link args and macros, as strings)."""
    flags = [str(f) for f in flags]
    link = [str(x) for x in link]
    parts = [
        ("format", KEY_FORMAT),
        ("source", c_source),
        ("cdef", cdef),
        ("compiler", _compiler_identity(tuple(find_compiler()))),
        ("flags", "\0".join(flags)),
        ("env", "\0".join(f"{k}={os.environ.get(k, '')}" for k in _ENV_FLAGS)),
        ("cffi", cffi.__version__),
        ("python", sys.version),
        ("abi", f"{sysconfig.get_config_var('SOABI')}|{sysconfig.get_config_var('EXT_SUFFIX')}"),
        ("platform", sysconfig.get_platform()),
        ("cpu", _cpu_fingerprint() if any(f.endswith("=native") for f in flags) else ""),
    ]
    if link:  # only when given, so keys of builds without link settings are unchanged
        parts.append(("link", "\0".join(link)))
    h = hashlib.sha256()
    for name, value in parts:
        data = value.encode("utf-8", "surrogatepass")
        h.update(f"{name}\0{len(data)}\0".encode())
        h.update(data)
    return h.hexdigest()


def clear_memo() -> None:
    """Start over as a new process would: forget the private fallback and the warnings given
    (modules are not memoised: every build_module call loads a verified disk entry)."""
    with _BUILD_LOCK:
        default_store().forget()


def _link_options(
    include_dirs=(), library_dirs=(), libraries=(), extra_link_args=(), define_macros=()
) -> tuple[dict, list[str]]:
    """(extension keyword arguments, their cache-key strings)."""
    link = {
        "include_dirs": [str(x) for x in include_dirs],
        "library_dirs": [str(x) for x in library_dirs],
        "libraries": [str(x) for x in libraries],
        "extra_link_args": [str(x) for x in extra_link_args],
        "define_macros": [(str(k), None if v is None else str(v)) for k, v in define_macros],
    }
    return link, [f"{k}={v!r}" for k, v in link.items() if v]


def _cache_root(cache_dir: str | os.PathLike | None) -> Path:
    return Path(cache_dir if cache_dir is not None else default_cache_dir()).expanduser().absolute()


def cache_root(cache_dir: str | os.PathLike | None = None, store: KernelStore | None = None) -> Path:
    """The directory to cache kernels (and anything later compiled, such as the kernel index) in:
    `cache_dir` (default: default_cache_dir()) created 0700 and checked (ours, not writable by
    group/others, safe parents), else, with one warning line on stderr, the process's private
    fallback dir. Raises BuildError only if no private dir can be created either."""
    store = store or default_store()
    try:
        requested = _cache_root(cache_dir)
    except (OSError, RuntimeError, KeyError) as exc:  # e.g. no home directory
        fb = store.fallback_root()
        store.warn_once("<default cache dir>", exc, fb)
        return fb
    try:
        return cache.prepare_root(requested)
    except OSError as exc:  # UnsafeCacheError, read-only / full disk, a file in the way...
        fb = store.fallback_root()
        store.warn_once(requested, exc, fb)
        return fb


def is_cached(
    c_source: str,
    cdef: str,
    *,
    portable: bool = False,
    extra_compile_args: Sequence[str] = (),
    cache_dir: str | os.PathLike | None = None,
    **link_options,
) -> bool:
    """Whether build_module with the same arguments would load a module without compiling:
    already loaded in this process or a complete, undamaged cache entry. Never compiles;
    False when no compiler is found or the cache cannot be read."""
    try:
        flags = module_flags(portable, extra_compile_args)
        _, link_key = _link_options(**link_options)
        key = cache_key(c_source, cdef, flags, link_key)
    except BuildError:
        return False
    store = default_store()
    try:
        root = cache.prepare_root(_cache_root(cache_dir))
    except (OSError, RuntimeError, KeyError):
        fb = store.existing_fallback_root()
        if fb is None:
            return False
        root = fb
    try:
        return cache.read_valid(cache.entry_dir(root, key), key, cache.secret(root)) is not None
    except OSError:
        return False


def build_module(
    c_source: str,
    cdef: str,
    *,
    name_hint: str = "kernel",
    portable: bool = False,
    extra_compile_args: Sequence[str] = (),
    cache_dir: str | os.PathLike | None = None,
    include_dirs: Sequence[str] = (),
    library_dirs: Sequence[str] = (),
    libraries: Sequence[str] = (),
    extra_link_args: Sequence[str] = (),
    define_macros: Sequence[tuple] = (),
    store: KernelStore | None = None,
    manifest_info: Mapping[str, str] | None = None,
) -> ModuleType:
    """Compile C source (which must contain the definitions of every function declared in cdef)
    into a cffi API-mode extension; return the imported module (has .ffi and .lib). Cached by content hash.

    include_dirs / library_dirs / libraries / extra_link_args / define_macros ((name, value or
    None) pairs) go to the extension build (e.g. linking a BLAS); all are part of the cache key.
    $CC and $CFLAGS are honoured (module_flags, find_compiler) and part of the key too.
    A cache dir that is unsafe (see codegen.cache), unwritable or full is replaced by a private
    0700 temporary dir after one warning line on stderr; `store` defaults to default_store().
    manifest_info: descriptive fields recorded in a new entry's manifest (e.g. the model's name,
    for `symgrad cache list`); not part of the key."""
    flags = module_flags(portable, extra_compile_args)
    link, link_key = _link_options(include_dirs, library_dirs, libraries, extra_link_args, define_macros)
    key = cache_key(c_source, cdef, flags, link_key)  # raises CompilerNotFoundError first
    name = re.sub(r"[^A-Za-z0-9_]", "_", name_hint)[:40] or "kernel"
    job = (c_source, cdef, f"_symgrad_{name}_{key[:16]}", flags, link, dict(manifest_info or {}))
    with _BUILD_LOCK:
        return _load_or_build(key, job, cache_dir, store or default_store())


def _load_or_build(key: str, job: tuple, cache_dir: str | os.PathLike | None, store: KernelStore) -> ModuleType:
    """From the cache root; on an unsafe entry or a write failure (full disk, read-only) from the
    private fallback; a failure there too is one BuildError naming both reasons."""
    root = cache_root(cache_dir, store)
    fallback = store.existing_fallback_root()
    if fallback is not None and fallback != root:  # built there earlier by this process
        with contextlib.suppress(OSError):
            m = cache.read_valid(cache.entry_dir(fallback, key), key, cache.secret(fallback))
            if m is not None and (mod := _import(m)[0]) is not None:
                return mod
    try:
        return _load_or_build_in(root, key, job)
    except OSError as exc:
        first = exc
    fallback = store.fallback_root()
    if root != fallback:
        store.warn_once(root, first, fallback)
        try:
            return _load_or_build_in(fallback, key, job)
        except OSError as exc:
            raise BuildError(
                f"cannot build kernel {job[2]}: {exc} (in the private directory "
                f"{fallback}; cache {root}: {first}); free disk space or set "
                "SYMGRAD_CACHE_DIR / TMPDIR to a writable disk"
            ) from None
    raise BuildError(
        f"cannot build kernel {job[2]} in the private directory {fallback}: {first}; "
        "free disk space or set SYMGRAD_CACHE_DIR / TMPDIR to a writable disk"
    ) from None


def _load_or_build_in(root: Path, key: str, job: tuple) -> ModuleType:
    """Load a verified entry of `root` or build, publish and load one. OSError (including
    cache.UnsafeCacheError) when the cache cannot be used; BuildError for compile/import failures."""
    mac_key = cache.secret(root)
    entry = cache.entry_dir(root, key)
    m = cache.read_valid(entry, key, mac_key)  # lock-free fast path for complete entries
    if m is not None and (mod := _import(m)[0]) is not None:
        return mod
    with cache.key_lock(root, key):
        m = cache.read_valid(entry, key, mac_key)  # another process may have built it meanwhile
        if m is not None and (mod := _import(m)[0]) is not None:
            return mod
        cache.discard(entry)  # damaged (manifest, MAC, hash, truncated, import failure) or absent
        staging = cache.make_staging_dir(root, key)
        try:
            so_name, info = _compile_into(staging, *job)
            cache.write_manifest(staging, key, so_name, mac_key, **info)
            m = cache.publish(staging, root, key, mac_key)
        finally:
            if staging.exists():
                shutil.rmtree(staging, ignore_errors=True)
        try:
            return _import_fresh(m)
        except BuildError:
            cache.discard(entry)
            raise


def _import_fresh(m: dict) -> ModuleType:
    mod, err = _import(m)
    if mod is None:
        hint = (
            " (is every function declared in cdef defined in the C source?)" if "undefined symbol" in str(err) else ""
        )
        raise BuildError(f"freshly built kernel {m['module']} failed to import: {err}{hint}")
    return mod


def _import(m: dict) -> tuple[ModuleType | None, BaseException | None]:
    try:
        mod = cache.import_extension(str(m.get("module")), m["so_path"])
    except (ImportError, OSError) as exc:
        return None, exc
    if not (hasattr(mod, "ffi") and hasattr(mod, "lib")):
        return None, ImportError(f"{m['so_path']} is not a cffi module")
    return mod, None


def _compile(ffi: cffi.FFI, tmpdir: str) -> str:
    """The one place a compiler runs (tests count calls to this)."""
    return ffi.compile(tmpdir=tmpdir, verbose=False)


def _compile_into(
    dest: Path,
    c_source: str,
    cdef: str,
    module: str,
    flags: list[str],
    link: dict | None = None,
    described: Mapping[str, str] | None = None,
) -> tuple[str, dict]:
    """Compile in dest/build, leave dest/<module>.so and dest/<module>.c, remove dest/build."""
    link = link or {}
    ffi = cffi.FFI()
    try:
        ffi.cdef(cdef)
    except Exception as exc:  # cffi.CDefError, pycparser errors...
        raise BuildError(f"invalid cdef for {module}: {exc}") from exc
    ffi.set_source(
        module,
        c_source,
        extra_compile_args=list(flags),
        libraries=list(link.get("libraries", ())) + list(_LIBRARIES),
        include_dirs=list(link.get("include_dirs", ())),
        library_dirs=list(link.get("library_dirs", ())),
        extra_link_args=list(link.get("extra_link_args", ())),
        define_macros=list(link.get("define_macros", ())),
    )
    work = dest / "build"
    cc = find_compiler()
    failure = None
    with _captured_output() as log, _compiler_env(cc):
        try:
            built = Path(_compile(ffi, str(work)))
        except Exception as exc:  # noqa: BLE001 - cffi.VerificationError, setuptools' DistutilsError...
            failure = exc
    if failure is not None:
        text = f"{log[0]}\n{type(failure).__name__}: {failure}\n"
        full = _DISK_FULL.search(text)
        os_errno = failure.errno if isinstance(failure, OSError) else None
        if full or os_errno in _DISK_ERRNOS:
            shutil.rmtree(work, ignore_errors=True)
            reason = full.group(0) if full else os.strerror(os_errno or errno.ENOSPC)
            raise OSError(errno.ENOSPC, f"{reason} while compiling {module} in {dest}")
        raise BuildError(f"C compilation of {module} failed: {_first_error(text)}", log=text)
    so_name = built.name
    os.replace(built, dest / so_name)
    with contextlib.suppress(OSError):
        os.replace(work / f"{module}.c", dest / f"{module}.c")  # kept for debugging
    shutil.rmtree(work, ignore_errors=True)
    info = {
        **{str(k): str(v) for k, v in (described or {}).items()},
        "module": module,
        "cffi": cffi.__version__,
        "python": sys.version.split()[0],
        "soabi": sysconfig.get_config_var("SOABI"),
        "platform": sysconfig.get_platform(),
        "compiler": _compiler_identity(tuple(cc)),
        "flags": list(flags),
    }
    if any(link.values()):
        info["link"] = {k: v for k, v in link.items() if v}
    return so_name, info


_DISK_ERRNOS = (errno.ENOSPC, errno.EROFS, getattr(errno, "EDQUOT", errno.ENOSPC))


def _first_error(text: str) -> str:
    lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
    for pattern in (r"\berror:", r"error", r"."):
        for ln in lines:
            if re.search(pattern, ln, re.IGNORECASE):
                return ln[:400]
    return "unknown error"


@contextlib.contextmanager
def _compiler_env(cc: list[str]) -> Iterator[None]:
    """Make setuptools use the compiler cache_key() hashed (it also rewrites LDSHARED from CC)."""
    old = os.environ.get("CC")
    if cc != ["msvc"]:
        os.environ["CC"] = shlex.join(cc)
    try:
        yield
    finally:
        if old is None:
            os.environ.pop("CC", None)
        else:
            os.environ["CC"] = old


@contextlib.contextmanager
def _captured_output() -> Iterator[list[str]]:
    """Silence setuptools and the compiler: redirect fds 1/2 (compiler processes, logging handlers
    holding the real streams) and sys.stdout/stderr into a log; its text is appended on exit."""
    log: list[str] = []
    py_buf = io.StringIO()
    streams = [s for s in (sys.stdout, sys.stderr, sys.__stdout__, sys.__stderr__) if s is not None]
    with tempfile.TemporaryFile() as fd_file:
        saved: list[tuple[int, int]] = []
        for stream in streams:
            with contextlib.suppress(Exception):
                stream.flush()
        try:
            for fd in (1, 2):
                with contextlib.suppress(OSError):
                    saved.append((fd, os.dup(fd)))
                    os.dup2(fd_file.fileno(), fd)
            with contextlib.redirect_stdout(py_buf), contextlib.redirect_stderr(py_buf):
                yield log
        finally:
            for stream in streams:  # buffered writes made during the build belong in the log
                with contextlib.suppress(Exception):
                    stream.flush()
            for fd, copy in saved:
                with contextlib.suppress(OSError):
                    os.dup2(copy, fd)
                os.close(copy)
            fd_file.seek(0)
            log.append(fd_file.read().decode("utf-8", "replace") + py_buf.getvalue())
