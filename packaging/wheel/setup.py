"""The wheel's scripts, the static binary and kinto-schema-doctor-live, are
copied byte for byte: setuptools would read each as Python source
(pyproject.toml says the rest)."""
import os

from setuptools import setup
from distutils.command.build_scripts import build_scripts


class copy_scripts(build_scripts):
    def run(self):
        self.mkpath(self.build_dir)
        for script in self.scripts:
            out = os.path.join(self.build_dir, os.path.basename(script))
            self.copy_file(script, out)
            os.chmod(out, 0o755)


setup(cmdclass={"build_scripts": copy_scripts})
