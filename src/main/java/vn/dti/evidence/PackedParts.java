package vn.dti.evidence;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.InputStreamStatistics;
import vn.dti.evidence.EvidenceRefusal.Reason;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.Locale;

/**
 * The parts of a zip-based document (DOCX, XLSX, PPTX, ODT, ODS), each unpacked to nowhere before any parser reads
 * it, so that no parser ever holds what a few hundred kilobytes can unpack to. Tika switches off POI's own zip bomb
 * check ({@code OOXMLParser} sets {@code ZipSecureFile.setMinInflateRatio(-1)}), and an XML parser keeps a whole
 * attribute in memory: a 512 MB attribute in a 522 KB DOCX took 6 GB. The parts are read from the central directory
 * with the zip reader POI itself uses, so that what is checked is what the parsers open.
 */
final class PackedParts {

    /** POI's own default: a part unpacking to more than a hundred times its packed size is a bomb. */
    static final double MIN_PACKED_RATIO = 0.01;
    /** Below this, a part's ratio is not judged (POI's grace size): small XML parts pack very well. */
    static final long GRACE_SIZE = 100 * 1024;
    /** Tika's own limit on a package's parts ({@code ZipSecureFile.setMaxFileCount}). */
    static final int MAX_PARTS = 10_000;

    // An XML part of an office document never declares a DTD: one that does can expand entities (billion laughs) or
    // fetch them from elsewhere. Looked for with NUL bytes skipped, which also finds it written in UTF-16 or UTF-32.
    private static final byte[] DOCTYPE = "<!DOCTYPE".getBytes(StandardCharsets.US_ASCII);

    private PackedParts() {
    }

    /** Whether the content starts as a zip does ({@code PK\3\4}), read from a stream that can be reset. */
    static boolean isZip(InputStream content) throws IOException {
        content.mark(4);
        try {
            byte[] head = content.readNBytes(4);
            return head.length == 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4;
        } finally {
            content.reset();
        }
    }

    /**
     * Unpacks every part of the zip at {@code file} and refuses the document at the first part too large, packed too
     * tightly or declaring a DTD.
     *
     * @return the size of the largest part unpacked, in bytes: what a parser may have to hold of it at once
     */
    static long check(Path file, long maxPartSize) throws IOException {
        long largest = 0;
        int parts = 0;
        try (ZipFile zip = ZipFile.builder().setPath(file).get()) {
            byte[] buffer = new byte[64 * 1024];
            for (Enumeration<ZipArchiveEntry> entries = zip.getEntries(); entries.hasMoreElements(); ) {
                ZipArchiveEntry entry = entries.nextElement();
                if (++parts > MAX_PARTS) {
                    throw new EvidenceRefusal(Reason.BOMB, "có hơn " + MAX_PARTS + " phần nén bên trong; hãy gửi"
                            + " tệp được tạo bình thường");
                }
                if (entry.isDirectory()) {
                    continue;
                }
                largest = Math.max(largest, unpack(zip, entry, maxPartSize, buffer));
            }
        }
        return largest;
    }

    private static long unpack(ZipFile zip, ZipArchiveEntry entry, long maxPartSize, byte[] buffer)
            throws IOException {
        String name = entry.getName().toLowerCase(Locale.ROOT);
        boolean xml = name.endsWith(".xml") || name.endsWith(".rels") || name.endsWith(".vml");
        int matched = 0;
        long size = 0;
        try (InputStream in = zip.getInputStream(entry)) {
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                size += read;
                if (size > maxPartSize) {
                    throw new EvidenceRefusal(Reason.BOMB, "có phần '" + entry.getName() + "' giải nén ra hơn "
                            + EvidenceExtractor.bytes(maxPartSize) + "; hãy gửi tệp được tạo bình thường");
                }
                if (size > GRACE_SIZE && in instanceof InputStreamStatistics statistics
                        && statistics.getCompressedCount() < size * MIN_PACKED_RATIO) {
                    throw EvidenceExtractor.bomb();
                }
                for (int i = 0; xml && i < read; i++) {
                    byte b = buffer[i];
                    if (b == 0) {
                        continue;
                    }
                    matched = b == DOCTYPE[matched] ? matched + 1 : (b == DOCTYPE[0] ? 1 : 0);
                    if (matched == DOCTYPE.length) {
                        throw new EvidenceRefusal(Reason.XML_ENTITIES, "phần '" + entry.getName() + "' khai báo"
                                + " DOCTYPE (thực thể XML), điều tài liệu văn phòng không bao giờ có; có thể là \"bom"
                                + " XML\"; hãy gửi tệp được tạo bình thường");
                    }
                }
            }
        }
        return size;
    }
}
