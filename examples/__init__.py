"""symgrad's bundled examples (data only): the seeds' worked examples as specs and claims files.

Installed as the package `symgrad.examples`; `symgrad examples` lists them and every SPEC
argument accepts their names.
"""
