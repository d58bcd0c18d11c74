package vn.dti.evidence;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The drill's hostile files, made by code: each is a small file that unpacks or expands to far more than it weighs.
 * Written part by part into a zip, so that making them takes no more memory than the file itself.
 */
final class Bombs {

    static final String WORD = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    private static final String CONTENT_TYPES = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
            <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
            <Default Extension="xml" ContentType="application/xml"/>\
            <Default Extension="docx" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document"/>\
            <Default Extension="bin" ContentType="application/octet-stream"/>\
            <Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>\
            </Types>""";
    private static final String PACKAGE_RELATIONSHIPS = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
            <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>\
            </Relationships>""";
    private static final String BODY = "<w:body><w:p><w:r><w:t>Báo cáo chuyển đổi số</w:t></w:r></w:p></w:body>";

    private Bombs() {
    }

    /** The attack of the drill: a DOCX whose paragraph carries an attribute of {@code megabytes} MB of one letter. */
    static byte[] hugeAttributeDocx(int megabytes) {
        return docx(zip -> {
            zip.putNextEntry(new ZipEntry("word/document.xml"));
            write(zip, "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><w:document xmlns:w=\""
                    + WORD + "\"><w:body><w:p w:rsidR=\"");
            repeat(zip, 'A', megabytes);
            write(zip, "\"><w:r><w:t>Báo cáo</w:t></w:r></w:p></w:body></w:document>");
        });
    }

    /** The same attribute in the OpenDocument text's {@code content.xml}. */
    static byte[] hugeAttributeOdt(int megabytes) {
        return EvidenceSamples.openDocument("application/vnd.oasis.opendocument.text", content -> {
            write(content, "<office:text><text:p text:style-name=\"");
            repeat(content, 'A', megabytes);
            write(content, "\">Báo cáo</text:p></office:text>");
        });
    }

    /** A classic zip bomb: an ordinary DOCX with one more part, {@code megabytes} MB of zeros packed a thousandfold. */
    static byte[] zipBombDocx(int megabytes) {
        return docx(zip -> {
            zip.putNextEntry(new ZipEntry("word/document.xml"));
            write(zip, "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><w:document xmlns:w=\"" + WORD
                    + "\">" + BODY + "</w:document>");
            zip.putNextEntry(new ZipEntry("word/media/image1.bin"));
            repeat(zip, '\0', megabytes);
        });
    }

    /** "Billion laughs": ten entities, each ten of the one before, in the DOCX's body; a few hundred bytes. */
    static byte[] billionLaughsDocx() {
        StringBuilder entities = new StringBuilder("<!ENTITY lol \"lol\">");
        for (int level = 1; level <= 9; level++) {
            entities.append("<!ENTITY lol").append(level).append(" \"")
                    .append(("&lol" + (level == 1 ? "" : level - 1) + ";").repeat(10)).append("\">");
        }
        return docx(zip -> {
            zip.putNextEntry(new ZipEntry("word/document.xml"));
            write(zip, "<?xml version=\"1.0\" encoding=\"UTF-8\"?><!DOCTYPE w:document [" + entities + "]>"
                    + "<w:document xmlns:w=\"" + WORD + "\"><w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p>"
                    + "</w:body></w:document>");
        });
    }

    /**
     * A DOCX that carries a DOCX that carries a DOCX …, {@code levels} deep (an embedded package, as Word embeds a
     * document in another).
     */
    static byte[] nestedDocx(int levels) {
        byte[] inner = docx(zip -> {
            zip.putNextEntry(new ZipEntry("word/document.xml"));
            write(zip, "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document xmlns:w=\"" + WORD + "\">" + BODY
                    + "</w:document>");
        });
        for (int level = 1; level <= levels; level++) {
            byte[] carried = inner;
            inner = docx(zip -> {
                zip.putNextEntry(new ZipEntry("word/document.xml"));
                write(zip, "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document xmlns:w=\"" + WORD + "\">" + BODY
                        + "</w:document>");
                zip.putNextEntry(new ZipEntry("word/_rels/document.xml.rels"));
                write(zip, """
                        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
                        <Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/package" Target="embeddings/kem-theo.docx"/>\
                        </Relationships>""");
                zip.putNextEntry(new ZipEntry("word/embeddings/kem-theo.docx"));
                zip.write(carried);
            });
        }
        return inner;
    }

    private interface Parts {
        void write(ZipOutputStream zip) throws IOException;
    }

    /** A DOCX's package: its content types, its relationships, and the parts given. */
    private static byte[] docx(Parts parts) {
        return zip(zip -> {
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            write(zip, CONTENT_TYPES);
            zip.putNextEntry(new ZipEntry("_rels/.rels"));
            write(zip, PACKAGE_RELATIONSHIPS);
            parts.write(zip);
        });
    }

    private static byte[] zip(Parts parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.setLevel(9);
            parts.write(zip);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
    }

    private static void repeat(OutputStream out, char letter, int megabytes) throws IOException {
        byte[] megabyte = new byte[1 << 20];
        Arrays.fill(megabyte, (byte) letter);
        for (int i = 0; i < megabytes; i++) {
            out.write(megabyte);
        }
    }
}
