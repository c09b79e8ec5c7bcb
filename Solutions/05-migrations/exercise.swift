// The lesson 5 exercise (Lessons/05-migrations.md, section "Exercise"):
//   1. add a `full_name` column to User (Models/User.swift);
//   2. swift run lesson-5 revision --autogenerate -m "add full name";
//   3. swift run lesson-5 upgrade head, downgrade -1, upgrade head.
import Workbook

/// What is left of the exercise: nothing.
public let exercise: ExerciseTODO? = nil
