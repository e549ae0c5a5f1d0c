package vn.lienlac.model.records;

/** The secondary (Circular 22/2021) part of a {@link YearReport}. Placeholder: filled in by the e-records work. */
public record SecondaryYearReport() {}
