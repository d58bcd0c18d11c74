package vn.dti.evidence;

import java.util.Set;

/**
 * Which files are evidence, by the type Tika reads in their content: official documents, spreadsheets, slides,
 * screenshots and scans, plain text. Executables, scripts, archives and everything else are refused.
 */
final class EvidenceTypes {

    static final String ACCEPTED_NAMES = "PDF, Word (DOCX, DOC), Excel (XLSX, XLS), OpenDocument (ODT, ODS),"
            + " PowerPoint (PPTX), ảnh PNG, JPEG và văn bản thuần (TXT)";

    private static final Set<String> ACCEPTED = Set.of(
            "application/pdf",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "application/msword",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "application/vnd.ms-excel",
            "application/vnd.oasis.opendocument.text",
            "application/vnd.oasis.opendocument.spreadsheet",
            "application/vnd.openxmlformats-officedocument.presentationml.presentation",
            "image/png",
            "image/jpeg",
            "text/plain",
            // A DOCX, XLSX or PPTX with a password: read on, so that it is refused as encrypted, which says why.
            "application/x-tika-ooxml-protected");

    private static final Set<String> MAY_LACK_TEXT = Set.of("application/pdf", "image/png", "image/jpeg");

    private EvidenceTypes() {
    }

    /** @param mediaType the detected type without parameters, e.g. {@code application/pdf} */
    static boolean accepted(String mediaType) {
        return ACCEPTED.contains(mediaType);
    }

    /** A scan or a picture: its words may be only in the image, for OCR to read. */
    static boolean mayLackText(String mediaType) {
        return MAY_LACK_TEXT.contains(mediaType);
    }
}
