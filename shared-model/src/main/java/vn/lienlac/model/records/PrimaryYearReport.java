package vn.lienlac.model.records;

/** The primary (Circular 27/2020) part of a {@link YearReport}. Placeholder: filled in by the e-records work. */
public record PrimaryYearReport() {}
