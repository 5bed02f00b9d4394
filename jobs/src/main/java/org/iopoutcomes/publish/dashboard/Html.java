package org.iopoutcomes.publish.dashboard;

/** Escaping for text and attribute values of the generated HTML and SVG. */
final class Html {

  private Html() {}

  static String escape(String text) {
    StringBuilder escaped = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      switch (c) {
        case '&' -> escaped.append("&amp;");
        case '<' -> escaped.append("&lt;");
        case '>' -> escaped.append("&gt;");
        case '"' -> escaped.append("&quot;");
        case '\'' -> escaped.append("&#39;");
        default -> escaped.append(c);
      }
    }
    return escaped.toString();
  }

  /** A code such as intensive_outpatient as words: "Intensive outpatient"; all as "All". */
  static String label(String code) {
    if (code == null || code.isEmpty()) {
      return "";
    }
    String words = code.replace('_', ' ');
    return Character.toUpperCase(words.charAt(0)) + words.substring(1);
  }
}
