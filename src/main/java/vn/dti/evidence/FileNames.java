package vn.dti.evidence;

import java.text.Normalizer;

/**
 * The name a person gave a file, made safe to show and to keep: it names the file for people and is never used as a
 * path (files are stored by their hash), but it travels on into pages, lists and downloads.
 */
final class FileNames {

    static final String UNNAMED = "tệp không tên";
    private static final int MAX_LENGTH = 200;

    private FileNames() {
    }

    /** {@code "../../x.pdf" → "x.pdf"}; Vietnamese letters stay, composed (NFC) as Windows and macOS differ. */
    static String sanitise(String uploaded) {
        if (uploaded == null) {
            return UNNAMED;
        }
        String name = Normalizer.normalize(uploaded, Normalizer.Form.NFC);
        // Browsers on Windows may send the whole path; either separator ends a directory.
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        name = name.codePoints()
                .filter(c -> !Character.isISOControl(c) && "<>:\"|?*".indexOf(c) < 0)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        // A leading dot would hide the name on Unix systems; "." and ".." are no names at all.
        name = name.replaceFirst("^[.\\s]+", "").strip();
        if (name.codePointCount(0, name.length()) > MAX_LENGTH) {
            // Shortened before its extension, which tells people what the file is.
            int dot = name.lastIndexOf('.');
            String extension = dot > 0 && name.length() - dot <= 10 ? name.substring(dot) : "";
            String stem = name.substring(0, name.length() - extension.length());
            int keep = MAX_LENGTH - extension.codePointCount(0, extension.length());
            name = stem.substring(0, stem.offsetByCodePoints(0, Math.min(keep, stem.codePointCount(0, stem.length()))))
                    .strip() + extension;
        }
        return name.isEmpty() ? UNNAMED : name;
    }
}
