#!/usr/bin/env python3
"""Checks scripts/play-notes' note parser and output matcher (no Swift needed):

    python3 scripts/test_play_notes.py
"""
import importlib.machinery
import importlib.util
import sys
import unittest
from pathlib import Path

sys.dont_write_bytecode = True  # no __pycache__ beside the scripts
_path = Path(__file__).resolve().parent / "play-notes"
_loader = importlib.machinery.SourceFileLoader("play_notes", str(_path))
_spec = importlib.util.spec_from_loader("play_notes", _loader)
play = importlib.util.module_from_spec(_spec)
sys.modules["play_notes"] = play  # dataclasses look their module up
_loader.exec_module(play)


def note(*lines):
    return "\n".join(lines) + "\n"


class ParserTests(unittest.TestCase):
    def parse(self, *lines):
        return play.parse_note(note(*lines))

    def test_each_mark(self):
        steps, errors = self.parse(
            "# Lesson",                       # 1
            "<!-- run -->",                   # 2
            "```sh",                          # 3
            "swift build",                    # 4
            "```",                            # 5
            "<!-- output -->",                # 6
            "```text",                        # 7
            "Build complete",                 # 8
            "```",                            # 9
            "<!-- run: fails -->",            # 10
            "```sh",                          # 11
            "false",                          # 12
            "```",                            # 13
            "<!-- serve -->",                 # 14
            "```sh",                          # 15
            "swift run lesson-1",             # 16
            "```",                            # 17
            "<!-- exercise: Items.swift DTOs/A.swift -->",  # 18
            "<!-- stop -->",                  # 19
            "<!-- not run: needs a browser -->",  # 20
            "```sh",                          # 21
            "open http://127.0.0.1:12000/docs",
            "```",
            "<!-- output -->",
            "```json",
            '{"a": 1}',
            "```",
        )
        self.assertEqual(errors, [])
        self.assertEqual([s.kind for s in steps], ["run", "output", "fails", "serve", "exercise", "stop", "skip", "output"])
        self.assertEqual(steps[0].line, 2)
        self.assertEqual([(c.line, c.text) for c in steps[0].commands], [(4, "swift build")])
        self.assertEqual(steps[1].shown, ["Build complete"])
        self.assertEqual(steps[1].shown_line, 8)
        self.assertEqual(steps[4].files, ["Items.swift", "DTOs/A.swift"])
        self.assertEqual(steps[6].reason, "needs a browser")
        self.assertEqual(steps[7].lang, "json")

    def test_unmarked_sh_block_is_an_error(self):
        steps, errors = self.parse("Text", "", "```sh", "swift build", "```")
        self.assertEqual(steps, [])
        self.assertEqual(len(errors), 1)
        self.assertEqual(errors[0].line, 3)
        self.assertIn("unmarked", errors[0].message)

    def test_other_blocks_need_no_mark(self):
        steps, errors = self.parse("```text", "x", "```", "```python", "print(1)", "```", "```swift", "let a = 1", "```")
        self.assertEqual((steps, errors), ([], []))

    def test_mark_must_stand_right_before_the_fence(self):
        _, errors = self.parse("<!-- run -->", "", "```sh", "true", "```")
        self.assertEqual([e.line for e in errors], [1, 3])  # the mark, then the (now unmarked) block
        self.assertIn("right before", errors[0].message)

    def test_mark_before_the_wrong_kind_of_block(self):
        _, errors = self.parse("<!-- run -->", "```text", "x", "```", "<!-- output -->", "```sh", "true", "```")
        self.assertEqual(len(errors), 2)
        self.assertIn("```sh", errors[0].message)
        self.assertIn("```text, ```json or ```mermaid", errors[1].message)

    def test_output_can_be_a_mermaid_diagram(self):
        steps, errors = self.parse(
            "<!-- run -->",
            "```sh",
            "swift run lesson-5 history --diagram",
            "```",
            "",
            "<!-- output -->",
            "```mermaid",
            "flowchart LR",
            '    r2["…<br/>add full name<br/>(head, current)"]',
            "```",
        )
        self.assertEqual(errors, [])
        self.assertEqual([s.kind for s in steps], ["run", "output"])
        self.assertEqual(steps[1].lang, "mermaid")
        self.assertEqual(steps[1].shown_line, 8)
        # Compared line by line as text, `…` standing for the random revision id.
        ok, _ = play.compare_output(steps[1].shown, "mermaid",
                                    ["flowchart LR", '    r2["4d9a41a7ac38<br/>add full name<br/>(head, current)"]'])
        self.assertTrue(ok)
        ok, diff = play.compare_output(steps[1].shown, "mermaid",
                                       ["flowchart LR", '    r2["4d9a41a7ac38<br/>add full name<br/>(head)"]'])
        self.assertFalse(ok)
        self.assertIn('+     r2["4d9a41a7ac38<br/>add full name<br/>(head)"]', diff)

    def test_mistyped_marks(self):
        _, errors = self.parse("<!-- run:fail -->", "```sh", "true", "```")
        self.assertIn("unknown mark", errors[0].message)
        _, errors = self.parse("<!-- not run: -->", "```sh", "true", "```")
        self.assertIn("needs a reason", errors[0].message)
        _, errors = self.parse("<!-- exercise: -->")
        self.assertIn("names no file", errors[0].message)

    def test_ordinary_comments_are_ignored(self):
        steps, errors = self.parse("<!-- a maintainer's remark -->", "text")
        self.assertEqual((steps, errors), ([], []))

    def test_run_fails_spacing(self):
        steps, errors = self.parse("<!--run: fails-->", "```sh", "false", "```")
        self.assertEqual(errors, [])
        self.assertEqual(steps[0].kind, "fails")

    def test_serve_holds_one_command(self):
        _, errors = self.parse("<!-- serve -->", "```sh", "swift run lesson-1", "curl -s 127.0.0.1:12000/", "```")
        self.assertIn("exactly one command", errors[0].message)

    def test_empty_run_block(self):
        _, errors = self.parse("<!-- run -->", "```sh", "# only a comment", "```")
        self.assertIn("no command", errors[0].message)

    def test_marks_and_fences_inside_a_block_are_text(self):
        steps, errors = self.parse(
            "````markdown",
            "<!-- run -->",
            "```sh",
            "rm -rf /",
            "```",
            "````",
        )
        self.assertEqual((steps, errors), ([], []))

    def test_indented_fence_in_a_list(self):
        steps, errors = self.parse(
            "1. Run:",
            "   <!-- run -->",
            "   ```sh",
            "   swift build",
            "   ```",
        )
        self.assertEqual(errors, [])
        self.assertEqual(steps[0].commands[0].text, "swift build")

    def test_unclosed_fence(self):
        _, errors = self.parse("<!-- run -->", "```sh", "true")
        self.assertIn("never closed", errors[0].message)

    def test_comments_blank_lines_and_continuation(self):
        commands = play.split_commands([
            "# build first",
            "swift build \\",
            "    --product lesson-2",
            "",
            "  # then call it",
            "curl -s 127.0.0.1:12000/   # an inline comment stays for bash",
        ], first_line=10)
        self.assertEqual([(c.line, c.text) for c in commands], [
            (11, "swift build --product lesson-2"),
            (15, "curl -s 127.0.0.1:12000/   # an inline comment stays for bash"),
        ])

    def test_continuation_at_the_end(self):
        commands = play.split_commands(["echo a \\"], first_line=1)
        self.assertEqual([c.text for c in commands], ["echo a"])


class CommandTests(unittest.TestCase):
    def test_scratch_path(self):
        s = play.with_scratch_path
        self.assertEqual(s("swift build", ".build-ci"), "swift build --scratch-path .build-ci")
        self.assertEqual(s("swift run lesson-1 serve --port 8000", "x"), "swift run --scratch-path x lesson-1 serve --port 8000")
        self.assertEqual(s("WORKBOOK=solutions swift test --filter Lesson01Tests", "x"),
                         "WORKBOOK=solutions swift test --scratch-path x --filter Lesson01Tests")
        self.assertEqual(s("swift build && swift run lesson-2 routes", "x"),
                         "swift build --scratch-path x && swift run --scratch-path x lesson-2 routes")
        self.assertEqual(s("swift package resolve", "x"), "swift package resolve")
        self.assertEqual(s("swift --version", "x"), "swift --version")
        self.assertEqual(s("swift build", None), "swift build")
        self.assertEqual(s("swift build --scratch-path y", "x"), "swift build --scratch-path y")
        self.assertEqual(s("swift build", "a folder"), "swift build --scratch-path 'a folder'")
        self.assertEqual(s("echo swiftbuild", "x"), "echo swiftbuild")

    def test_port(self):
        self.assertEqual(play.port_of("swift run lesson-1"), 12000)
        self.assertEqual(play.port_of("swift run lesson-1 serve --hostname 0.0.0.0 --port 8000"), 8000)
        self.assertEqual(play.port_of("swift run lesson-1 serve --port=8001"), 8001)

    def test_is_swift(self):
        self.assertTrue(play.is_swift("WORKBOOK=solutions swift run lesson-1"))
        self.assertFalse(play.is_swift("curl -s 127.0.0.1:12000/"))


class NormalizeTests(unittest.TestCase):
    def test_root_build_lines_colours_trailing_spaces(self):
        printed = (
            "Fetching https://github.com/vapor/vapor.git from cache\n"
            "Building for debugging...\n"
            "[1/12] Write swift-version--1.txt\n"
            "[12/80] Compiling Lesson02 configure.swift\n"
            "/work/kit/Sources/lesson-2/entrypoint.swift:11:43: error: cannot find 'configure' in scope   \n"
            "\x1b[1mbold\x1b[0m\r\n"
            "Build of product 'lesson-2' complete! (3.20s)\n"
            "Build complete! (1.00s)\n"
            "\n"
        )
        self.assertEqual(play.normalize_output(printed, ["/work/kit"]), [
            "/your/kit/Sources/lesson-2/entrypoint.swift:11:43: error: cannot find 'configure' in scope",
            "bold",
        ])

    def test_swiftpm_noise(self):
        printed = (
            "Another instance of SwiftPM (PID: 42) is already running using '/k/.build', waiting until that process "
            "has finished execution...[0/4] Write swift-version-1.txt\n"
            "warning: 'swift-distributed-tracing': found 1 file(s) which are unhandled; explicitly declare them as "
            "resources or exclude from the target\n"
            "    /k/.build/checkouts/swift-distributed-tracing/Sources/Tracing/CMakeLists.txt\n"
            "warning: 'swift-distributed-tracing': found 2 file(s) which are unhandled; explicitly declare them as "
            "resources or exclude from the target\n"
            "    /k/.build/checkouts/a/CMakeLists.txt\n"
            "    /k/.build/checkouts/b/CMakeLists.txt\n"
            "Building for debugging...\n"
            "  indented output of the program itself\n"
            "warning: something else\n"
        )
        self.assertEqual(play.normalize_output(printed, ["/k"]), [
            "  indented output of the program itself",
            "warning: something else",
        ])

    def test_redrawn_line(self):
        self.assertEqual(play.normalize_output("10%\r50%\rdone\n", []), ["done"])


class MatcherTests(unittest.TestCase):
    def test_exact_and_trailing_spaces(self):
        self.assertTrue(play.matches(["a", "b  "], ["a", "b"]))
        self.assertFalse(play.matches(["a", "b"], ["a", "c"]))
        self.assertFalse(play.matches([" a"], ["a"]))  # leading spaces count

    def test_every_line_must_be_there(self):
        self.assertFalse(play.matches(["a"], ["a", "b"]))
        self.assertFalse(play.matches(["a", "b"], ["a"]))
        self.assertTrue(play.matches(["", "a", ""], ["a"]))  # blank lines around a block do not count

    def test_wildcard_inside_a_line(self):
        self.assertTrue(play.matches(["Test run with … tests passed after … seconds."],
                                     ["Test run with 5 tests passed after 0.012 seconds."]))
        self.assertTrue(play.matches(["date: …"], ["date: "]))
        self.assertFalse(play.matches(["Test … failed"], ["Test 5 passed"]))
        self.assertTrue(play.matches(["a.b(c)*"], ["a.b(c)*"]))  # no regex in the shown text
        self.assertFalse(play.matches(["a.b"], ["axb"]))

    def test_wildcard_line(self):
        self.assertTrue(play.matches(["…"], []))
        self.assertTrue(play.matches(["…"], ["x", "y"]))
        self.assertTrue(play.matches(["first", "…", "last"], ["first", "last"]))
        self.assertTrue(play.matches(["first", "…", "last"], ["first", "1", "2", "last"]))
        self.assertTrue(play.matches(["…", "needle", "…"], ["a", "b", "needle", "c"]))
        self.assertFalse(play.matches(["…", "needle", "…"], ["a", "b", "c"]))
        self.assertTrue(play.matches(["  …  "], ["x"]))
        self.assertTrue(play.matches(["…", "a", "…", "b"], ["x", "a", "a", "y", "b"]))

    def test_json_line(self):
        self.assertTrue(play.matches(['{"item_id": 5, "q": "x"}'], ['{"item_id":5,"q":"x"}']))
        self.assertFalse(play.matches(['{"q": "x", "item_id": 5}'], ['{"item_id":5,"q":"x"}']))  # key order counts
        self.assertFalse(play.matches(['{"item_id": 5}'], ['{"item_id":6}']))
        self.assertTrue(play.matches(['{"detail":"TODO(lesson 1): …"}'], ['{"detail":"TODO(lesson 1): GET /items"}']))

    def test_json_block(self):
        ok, _ = play.compare_output(["{", '  "message": "Hello World"', "}"], "json", ['{"message":"Hello World"}'])
        self.assertTrue(ok)
        ok, diff = play.compare_output(["{", '  "message": "Hello"', "}"], "json", ['{"message":"Hello World"}'])
        self.assertFalse(ok)
        self.assertIn('-   "message": "Hello"', diff)
        self.assertIn('+   "message": "Hello World"', diff)

    def test_diff_names_the_difference(self):
        ok, diff = play.compare_output(["first", "…", "second", "third"], "text",
                                       ["first", "x", "y", "second", "THIRD"])
        self.assertFalse(ok)
        self.assertEqual(diff, ["  first", "~ x", "~ y", "  second", "- third", "+ THIRD"])

    def test_diff_shortens_long_wildcard_runs(self):
        printed = ["head"] + [f"line {k}" for k in range(20)] + ["tail", "extra"]
        ok, diff = play.compare_output(["head", "…", "tail"], "text", printed)
        self.assertFalse(ok)
        self.assertEqual(diff, ["  head", "~ line 0", "~ line 1", "~ … (16 more lines a shown … stands for)",
                                "~ line 18", "~ line 19", "  tail", "+ extra"])

    def test_diff_when_nothing_but_a_wildcard_matched(self):
        ok, diff = play.compare_output(["…", "needle", "…", "summary"], "text", ["error: a", "error: b"])
        self.assertFalse(ok)
        self.assertIn("~ error: a", diff)
        self.assertIn("- needle", diff)

    def test_diff_of_a_missing_line(self):
        ok, diff = play.compare_output(["a", "b", "c"], "text", ["a", "c"])
        self.assertFalse(ok)
        self.assertEqual(diff, ["  a", "- b", "  c"])


class OutputJoinTests(unittest.TestCase):
    def test_curl_output_without_newline(self):
        # Each command's output ends a line, as it would before the next prompt.
        outputs = ['{"item_id":5}', '{"item_id":6}\n', ""]
        joined = "".join(o if not o or o.endswith("\n") else o + "\n" for o in outputs)
        self.assertEqual(play.normalize_output(joined, []), ['{"item_id":5}', '{"item_id":6}'])


class NeedsTests(unittest.TestCase):
    def test_needs_marks(self):
        steps, errors = play.parse_note(note(
            "<!-- run, needs: alembic -->", "```sh", "alembic current", "```",
            "<!-- run: fails, needs: alembic -->", "```sh", "false", "```",
            "<!-- serve, needs: alembic -->", "```sh", "swift run lesson-5", "```",
            "<!-- run -->", "```sh", "true", "```",
        ))
        self.assertEqual(errors, [])
        self.assertEqual([(s.kind, s.needs, s.reason) for s in steps],
                         [("run", "alembic", ""), ("fails", "alembic", ""), ("serve", "alembic", ""), ("run", "", "")])

    def test_needs_mistakes(self):
        _, errors = play.parse_note(note("<!-- output, needs: alembic -->", "```text", "a", "```"))
        self.assertIn("only run, run: fails and serve", errors[0].message)
        _, errors = play.parse_note(note("<!-- run, needs: -->", "```sh", "true", "```"))
        self.assertIn("names one command", errors[0].message)
        # A reason that mentions what it needs is still a reason.
        steps, errors = play.parse_note(note("<!-- not run: needs a browser, needs: firefox -->", "```sh", "true", "```"))
        self.assertEqual((errors, steps[0].kind), ([], "skip"))

    def test_missing_tool_skips_the_block_and_its_output(self):
        import io
        out = io.StringIO()
        player = play.Player(None, 10, out=out)
        player.env["PATH"] = "/nonexistent"
        self.assertIn("needs `alembic`", player.missing("alembic"))
        self.assertIsNone(player.missing(""))
        steps, _ = play.parse_note(note(
            "<!-- run, needs: alembic -->", "```sh", "alembic current", "```",
            "<!-- output -->", "```text", "b0fc2b4c59c4 (head)", "```",
        ))
        lesson = play.Lesson(99, "99", "nothing")
        player.run = lambda command: (0, "", 0.0)  # the lesson's final `swift test`
        self.assertEqual(player.play_steps(lesson, steps), 0)
        self.assertIn("not run: needs `alembic`", out.getvalue())
        self.assertIn("not compared: the block before it was not run", out.getvalue())


class LessonTests(unittest.TestCase):
    def test_lesson_zero(self):
        # Lesson 0 (the Swift primer) is found, played first, and named with two digits.
        lessons = play.find_lessons()
        self.assertEqual(lessons[0].number, 0)
        self.assertEqual(lessons[0].note, "Lessons/00-swift-for-python.md")
        self.assertEqual(lessons[0].exercises, "Exercises/00-swift-for-python")
        self.assertEqual(lessons[0].tests, "Lesson00Tests")
        self.assertEqual([lesson.number for lesson in lessons], sorted(lesson.number for lesson in lessons))


if __name__ == "__main__":
    unittest.main()
