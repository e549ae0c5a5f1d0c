package vn.lienlac.bench;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import vn.lienlac.model.records.grading.AssessmentKind;
import vn.lienlac.model.records.grading.Circular22Rules;
import vn.lienlac.model.records.grading.Rating;
import vn.lienlac.model.records.grading.ResultLevel;
import vn.lienlac.model.records.grading.Score;
import vn.lienlac.model.records.grading.SubjectMarks;
import vn.lienlac.model.records.grading.SubjectOutcome;
import vn.lienlac.model.records.grading.SubjectPlan;
import vn.lienlac.model.records.grading.Subjects;

/**
 * The Circular 22 rules as GradesService runs them for one pupil's term report: one subject's term
 * outcome, the result level over a full grade-6 term (8 scored + 4 comment-only subjects), the
 * whole term (12 outcomes, then the level), and parsing one score.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class GradingBenchmark {
  private final Circular22Rules rules = Circular22Rules.INSTANCE;
  private List<SubjectPlan> plans;
  private List<SubjectMarks> marks;
  private List<SubjectOutcome> outcomes;
  private SubjectPlan toan;
  private SubjectMarks toanMarks;
  private BigDecimal decimal;
  private String text;

  @Setup
  public void setUp() {
    plans = Subjects.lowerSecondaryPlan(6);
    marks = new ArrayList<>();
    int seed = 0;
    for (SubjectPlan plan : plans) {
      marks.add(plan.kind() == AssessmentKind.COMMENTED
          ? SubjectMarks.commented(List.of(Rating.DAT, Rating.DAT), Rating.DAT, Rating.DAT)
          : SubjectMarks.scored(regular(rules.requiredRegularCount(plan), seed), new Score(70 + seed % 25), new Score(75 + seed % 20)));
      seed += 7;
    }
    outcomes = new ArrayList<>();
    for (int i = 0; i < plans.size(); i++) {
      outcomes.add(rules.termOutcome(plans.get(i), marks.get(i)));
    }
    if (rules.termLevel(outcomes).isEmpty()) {
      throw new IllegalStateException("The term must be complete to benchmark its level: " + outcomes);
    }
    toan = plans.getFirst();
    toanMarks = marks.getFirst();
    decimal = new BigDecimal("8.5");
    text = "8.5";
  }

  private static List<Score> regular(int count, int seed) {
    List<Score> scores = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      scores.add(new Score(60 + (seed + 13 * i) % 41));
    }
    return scores;
  }

  /** ĐTBmhk of Toán (4 TX, GK, CK), validation included. */
  @Benchmark
  public SubjectOutcome termOutcome() {
    return rules.termOutcome(toan, toanMarks);
  }

  /** Article 9.2 over the 12 outcomes of a complete term. */
  @Benchmark
  public Optional<ResultLevel> termLevel() {
    return rules.termLevel(outcomes);
  }

  /** What a term report computes: 12 term outcomes, then the level. */
  @Benchmark
  public Optional<ResultLevel> fullTerm() {
    List<SubjectOutcome> computed = new ArrayList<>(plans.size());
    for (int i = 0; i < plans.size(); i++) {
      computed.add(rules.termOutcome(plans.get(i), marks.get(i)));
    }
    return rules.termLevel(computed);
  }

  /** A score as Jackson hands it over from a request body (BigDecimal). */
  @Benchmark
  public Score scoreOfDecimal() {
    return Score.of(decimal);
  }

  /** A score as stored in a grade item ("8.5"): pattern check, then the BigDecimal path. */
  @Benchmark
  public Score scoreOfString() {
    return Score.of(text);
  }
}
