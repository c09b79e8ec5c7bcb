// `swift run lesson-0` — runs lesson 0's exercises and prints what they give.
// This file only starts the program; the lesson itself is in
// Exercises/00-swift-for-python/ (or Solutions/00-swift-for-python/ with
// WORKBOOK=solutions).
import Lesson00

@main
enum Entrypoint {
    static func main() async {
        await runExercises()
    }
}
