package vn.lienlac.functions.roster.file;

/** The kinds of file a roster can come in. */
public enum FileFormat {
  /** Office Open XML workbook (Excel 2007 and later). */
  XLSX,
  /** Comma-, semicolon- or tab-separated text (Excel's "CSV" and "Unicode text"). */
  CSV;

  /**
   * Recognises the format by the file's first bytes (a ZIP archive is a workbook); everything else
   * is read as text. The file name or content type the client sent is only a hint and not needed.
   */
  public static FileFormat sniff(byte[] bytes) {
    boolean zip = bytes.length >= 4 && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3 && bytes[3] == 4;
    return zip ? XLSX : CSV;
  }
}
