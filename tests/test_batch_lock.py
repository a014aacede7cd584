"""The batch lock, one batch per output folder: flock on POSIX, msvcrt.locking on Windows."""

from __future__ import annotations

import os
import sys
import types

import pytest

from assembler.batch.run import LOCK, _output_lock
from assembler.errors import OutputError


def test_a_second_lock_on_the_folder_is_refused_until_the_first_is_released(tmp_path):
    out = tmp_path / "drafts"
    with _output_lock(out):
        assert (out / LOCK).exists()
        with pytest.raises(OutputError, match="another assembler batch is drafting into"):
            with _output_lock(out):
                pass
    with _output_lock(out):  # released
        pass


class FakeMsvcrt(types.ModuleType):
    """msvcrt.locking as Windows does it: byte ranges of a file, from the file's position."""

    LK_UNLCK, LK_NBLCK = 0, 2

    def __init__(self) -> None:
        super().__init__("msvcrt")
        self.held: dict[tuple[int, int], int] = {}  # (file id, first byte) -> descriptor
        self.calls: list[tuple[int, int, int]] = []

    def locking(self, fd: int, mode: int, nbytes: int) -> None:
        position = os.lseek(fd, 0, os.SEEK_CUR)
        self.calls.append((mode, position, nbytes))
        key = (os.fstat(fd).st_ino, position)
        if mode == self.LK_NBLCK:
            if key in self.held:
                raise PermissionError(13, "Permission denied")  # what Windows raises
            self.held[key] = fd
        elif mode == self.LK_UNLCK:
            if self.held.get(key) != fd:
                raise PermissionError(13, "Permission denied")
            del self.held[key]


@pytest.fixture
def windows(monkeypatch) -> FakeMsvcrt:
    fake = FakeMsvcrt()
    monkeypatch.setitem(sys.modules, "msvcrt", fake)
    monkeypatch.setattr(sys, "platform", "win32")
    return fake


def test_on_windows_the_lock_is_msvcrt_locking_of_the_first_byte(windows, tmp_path):
    out = tmp_path / "drafts"
    out.mkdir()
    (out / LOCK).write_bytes(b"left by an earlier run")  # append mode must not lock past it
    with _output_lock(out):
        assert windows.calls == [(windows.LK_NBLCK, 0, 1)]
        with pytest.raises(OutputError, match="another assembler batch is drafting into"):
            with _output_lock(out):
                pass
    assert windows.calls[-1] == (windows.LK_UNLCK, 0, 1)
    assert not windows.held
    with _output_lock(out):  # released
        assert windows.held
