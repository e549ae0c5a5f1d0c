package vn.lienlac.functions.roster.file;

/**
 * Trạng thái: đang học (studying; also when the column is absent or empty), đã chuyển đi (moved to
 * another school), thôi học (left school). Pupils who left are marked, never deleted.
 */
public enum PupilStatus { STUDYING, TRANSFERRED_OUT, LEFT }
