#!/usr/bin/env python3
"""Checks scripts/wrong-answers' header reading and its verdict on a run's
output, in both languages (no Swift needed):

    python3 scripts/test_wrong_answers.py
"""
import importlib.machinery
import importlib.util
import sys
import tempfile
import unittest
from pathlib import Path
from types import SimpleNamespace

sys.dont_write_bytecode = True  # no __pycache__ beside the scripts
_path = Path(__file__).resolve().parent / "wrong-answers"
_loader = importlib.machinery.SourceFileLoader("wrong_answers", str(_path))
_spec = importlib.util.spec_from_loader("wrong_answers", _loader)
wrong = importlib.util.module_from_spec(_spec)
sys.modules["wrong_answers"] = wrong
_loader.exec_module(wrong)

HEADER = """Mistake: the default limit is 100, not 10
Expect: limit defaults to 10
Expect-ru: limit по умолчанию 10

diff --git a/Solutions/x.swift b/Solutions/x.swift
--- a/Solutions/x.swift
+++ b/Solutions/x.swift
"""

ENGLISH = """\
✘ Test "exercise: GET /items answers the first ten items" recorded an issue at Lesson02Tests.swift:70:17: Expectation failed: (names → ["Foo"]) == (Array(Self.items.prefix(10)) → ["Foo", "Bar"])
↳ GET /items without ?skip= or ?limit= should return the first 10 items (skip defaults to 0, limit defaults to 10), got 1 item: ["Foo"]
✘ Test run with 3 tests in 1 suite failed after 0.1 seconds with 1 issue.
"""

RUSSIAN = """\
✘ Test "exercise: GET /items answers the first ten items" recorded an issue at Lesson02Tests.swift:70:17: Expectation failed: (names → ["Foo"]) == (Array(Self.items.prefix(10)) → ["Foo", "Bar"])
↳ GET /items без ?skip= и ?limit= должен возвращать первые 10 элементов (skip по умолчанию 0, limit по умолчанию 10), а вернул 1 шт.: ["Foo"]
✘ Test run with 3 tests in 1 suite failed after 0.1 seconds with 1 issue.
"""


def answer_from(text):
    folder = Path(tempfile.mkdtemp())
    path = folder / "default-limit-100.patch"
    path.write_text(text, encoding="utf-8")
    return wrong.WrongAnswer(2, path)


def run(output, returncode=1):
    return SimpleNamespace(stdout=output, stderr="", returncode=returncode)


class HeaderTests(unittest.TestCase):
    def test_three_header_lines(self):
        answer = answer_from(HEADER)
        self.assertEqual(answer.mistake, "the default limit is 100, not 10")
        self.assertEqual(answer.expect, "limit defaults to 10")
        self.assertEqual(answer.expect_ru, "limit по умолчанию 10")

    def test_a_patch_without_expect_ru_fails_naming_it(self):
        answer = answer_from(HEADER.replace("Expect-ru: limit по умолчанию 10\n", ""))
        answer.path = wrong.ROOT / "Tests/Lesson02Tests/WrongAnswers/default-limit-100.patch"
        ok, detail = wrong.run_one(answer, None, Path(tempfile.mkdtemp()))
        self.assertFalse(ok)
        self.assertIn("Tests/Lesson02Tests/WrongAnswers/default-limit-100.patch", detail)
        self.assertIn("Expect-ru:", detail)


class JudgeTests(unittest.TestCase):
    def setUp(self):
        self.answer = answer_from(HEADER)
        self.logs = Path(tempfile.mkdtemp())

    def test_caught_in_each_language(self):
        ok, pointer = wrong.judge(self.answer, run(ENGLISH), self.answer.expect, self.logs, "")
        self.assertTrue(ok, pointer)
        self.assertIn("limit defaults to 10", pointer)
        ok, pointer = wrong.judge(self.answer, run(RUSSIAN), self.answer.expect_ru, self.logs, ".ru")
        self.assertTrue(ok, pointer)
        self.assertIn("limit по умолчанию 10", pointer)
        self.assertTrue((self.logs / "lesson-02-default-limit-100.ru.log").exists())

    def test_english_text_in_a_russian_run_is_missed(self):
        ok, detail = wrong.judge(self.answer, run(ENGLISH), self.answer.expect_ru, self.logs, ".ru")
        self.assertFalse(ok)
        self.assertIn("none says 'limit по умолчанию 10'", detail)

    def test_passing_checks_are_missed(self):
        ok, detail = wrong.judge(self.answer, run("✔ Test run with 3 tests passed", 0), self.answer.expect, self.logs, "")
        self.assertFalse(ok)
        self.assertIn("PASS", detail)


if __name__ == "__main__":
    unittest.main()
