package vn.lienlac.model.records;

/** The primary (Circular 27/2020) part of a {@link ClassYearSummary}. Placeholder: filled in by the primary e-records work. */
public record PrimaryClassSummary() {}
