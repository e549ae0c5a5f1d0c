package vn.lienlac.functions.roster.file;

/**
 * One recognised column: its letter as the spreadsheet shows it ({@code "C"}, {@code "AB"}; for a
 * CSV file the same letters by position), the field, and the header text as found (NFC, line
 * breaks kept as spaces; for a two-row header, the group and the sub-header joined by " / ").
 */
public record ColumnMapping(String column, Field field, String header) {}
