package vn.lienlac.functions.roster.file;

/** Giới tính as rosters write it: Nam / Nữ (any case), Male / Female. */
public enum Gender { MALE, FEMALE }
