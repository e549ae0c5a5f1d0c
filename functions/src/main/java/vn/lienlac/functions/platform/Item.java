package vn.lienlac.functions.platform;

/**
 * The part every item of the single table shares: its key, and {@code type} (what the item is,
 * for exports and for people reading the table). Feature items extend it with their attributes
 * and describe them with an {@link ItemSchema}.
 */
public abstract class Item {
  public String pk;
  public String sk;
  public String type;
}
