package vn.dti.evidence;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.poi.hpsf.PropertySetFactory;
import org.apache.poi.hpsf.SummaryInformation;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.util.CodePageUtil;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xslf.usermodel.XMLSlideShow;
import org.apache.poi.xslf.usermodel.XSLFTextBox;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TimeZone;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Files of every accepted type, and bad ones, made by the tests themselves with Vietnamese text in them: PDFBox for
 * PDF, Apache POI for the Office formats, zip entries for OpenDocument, Java 2D with the DejaVu fonts for pictures.
 * POI cannot create a Word 97 file, so {@link #doc} writes the smallest one Word's format allows.
 */
public final class EvidenceSamples {

    static final File FONT = new File("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf");

    /** The header of an official plan, as Vietnamese administrations write it (Nghị định 30/2020/NĐ-CP). */
    public static final List<String> PLAN = List.of(
            "ỦY BAN NHÂN DÂN TỈNH THỬ NGHIỆM",
            "Số: 15/KH-UBND",
            "Thử Nghiệm, ngày 06 tháng 10 năm 2023",
            "KẾ HOẠCH",
            "Triển khai chuyển đổi số năm 2024 của Ủy ban nhân dân xã Một A");

    private EvidenceSamples() {
    }

    public static byte[] pdf(String title, List<String> lines) {
        return pdfDocument(document -> {
            PDDocumentInformation info = document.getDocumentInformation();
            info.setTitle(title);
            info.setAuthor("Văn phòng UBND xã");
            Calendar created = new GregorianCalendar(TimeZone.getTimeZone("Asia/Ho_Chi_Minh"));
            created.clear();
            created.set(2023, Calendar.OCTOBER, 6, 9, 0);
            info.setCreationDate(created);
            writeLines(document, lines);
        });
    }

    /** A scan: the page is a picture of the text at 300 dpi, with no text layer. */
    static byte[] scannedPdf(List<String> lines) {
        return pdfDocument(document -> {
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            PDImageXObject image = LosslessFactory.createFromImage(document, picture(lines));
            float scale = 72f / 300;
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.drawImage(image, 20, PDRectangle.A4.getHeight() - 20 - image.getHeight() * scale,
                        image.getWidth() * scale, image.getHeight() * scale);
            }
        });
    }

    static byte[] encryptedPdf() {
        return pdfDocument(document -> {
            writeLines(document, PLAN);
            StandardProtectionPolicy policy = new StandardProtectionPolicy("chu-so-huu", "mat-khau",
                    new AccessPermission());
            policy.setEncryptionKeyLength(128);
            document.protect(policy);
        });
    }

    /** A PDF that carries a PDF that carries a PDF …, {@code levels} deep. */
    static byte[] nestedPdf(int levels) {
        byte[] inner = pdf("Tài liệu cấp " + levels, List.of("Tài liệu lồng cấp " + levels));
        for (int level = 1; level <= levels; level++) {
            byte[] carried = inner;
            inner = pdfDocument(document -> {
                writeLines(document, List.of("Tài liệu kèm theo"));
                PDEmbeddedFile file = new PDEmbeddedFile(document, new ByteArrayInputStream(carried));
                file.setSubtype("application/pdf");
                file.setSize(carried.length);
                PDComplexFileSpecification specification = new PDComplexFileSpecification();
                specification.setFile("kem-theo.pdf");
                specification.setEmbeddedFile(file);
                PDEmbeddedFilesNameTreeNode tree = new PDEmbeddedFilesNameTreeNode();
                tree.setNames(Map.of("kem-theo.pdf", specification));
                PDDocumentNameDictionary names = new PDDocumentNameDictionary(document.getDocumentCatalog());
                names.setEmbeddedFiles(tree);
                document.getDocumentCatalog().setNames(names);
            });
        }
        return inner;
    }

    static byte[] docx(String title, List<String> lines) {
        return write(out -> {
            try (XWPFDocument document = new XWPFDocument()) {
                document.getProperties().getCoreProperties().setTitle(title);
                document.getProperties().getCoreProperties().setCreator("Văn phòng UBND xã");
                lines.forEach(line -> document.createParagraph().createRun().setText(line));
                document.write(out);
            }
        });
    }

    static byte[] encryptedDocx() {
        byte[] plain = docx("Kế hoạch", PLAN);
        return write(out -> {
            try (POIFSFileSystem fs = new POIFSFileSystem()) {
                Encryptor encryptor = new EncryptionInfo(EncryptionMode.agile).getEncryptor();
                encryptor.confirmPassword("mat-khau");
                try (OutputStream encrypted = encryptor.getDataStream(fs)) {
                    encrypted.write(plain);
                }
                fs.writeFilesystem(out);
            }
        });
    }

    /** A DOCX whose body inflates a thousandfold: a compression bomb. */
    static byte[] docxBomb() {
        return write(out -> {
            try (ZipOutputStream zip = new ZipOutputStream(out)) {
                entry(zip, "[Content_Types].xml", """
                        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                        <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
                        <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
                        <Default Extension="xml" ContentType="application/xml"/>
                        <Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
                        </Types>""");
                entry(zip, "_rels/.rels", """
                        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
                        <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
                        </Relationships>""");
                zip.putNextEntry(new ZipEntry("word/document.xml"));
                zip.write(("<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document xmlns:w=\"http://schemas"
                        + ".openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p><w:r><w:t>Bom nén")
                        .getBytes(StandardCharsets.UTF_8));
                byte[] spaces = " ".repeat(1 << 20).getBytes(StandardCharsets.US_ASCII);
                for (int i = 0; i < 20; i++) {
                    zip.write(spaces);
                }
                zip.write("</w:t></w:r></w:p></w:body></w:document>".getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        });
    }

    static byte[] xlsx(List<String> cells) {
        return workbook(new XSSFWorkbook(), cells);
    }

    static byte[] xls(List<String> cells) {
        return workbook(new HSSFWorkbook(), cells);
    }

    static byte[] pptx(List<String> lines) {
        return write(out -> {
            try (XMLSlideShow slides = new XMLSlideShow()) {
                XSLFTextBox box = slides.createSlide().createTextBox();
                box.setAnchor(new Rectangle(40, 40, 600, 400));
                lines.forEach(line -> box.addNewTextParagraph().addNewTextRun().setText(line));
                slides.write(out);
            }
        });
    }

    static byte[] odt(List<String> lines) {
        StringBuilder body = new StringBuilder();
        lines.forEach(line -> body.append("<text:p>").append(line).append("</text:p>"));
        return openDocument("application/vnd.oasis.opendocument.text", "<office:text>" + body + "</office:text>");
    }

    static byte[] ods(List<String> cells) {
        StringBuilder rows = new StringBuilder();
        cells.forEach(cell -> rows.append("<table:table-row><table:table-cell office:value-type=\"string\"><text:p>")
                .append(cell).append("</text:p></table:table-cell></table:table-row>"));
        return openDocument("application/vnd.oasis.opendocument.spreadsheet",
                "<office:spreadsheet><table:table table:name=\"Số liệu\">" + rows
                        + "</table:table></office:spreadsheet>");
    }

    static byte[] png(List<String> lines) {
        return image("png", lines);
    }

    static byte[] jpeg(List<String> lines) {
        return image("jpeg", lines);
    }

    static byte[] text(List<String> lines) {
        return String.join("\n", lines).getBytes(StandardCharsets.UTF_8);
    }

    /** The start of a Linux program (an ELF header), as a person might attach by mistake. */
    static byte[] executable() {
        ByteBuffer header = ByteBuffer.allocate(64).order(ByteOrder.LITTLE_ENDIAN);
        header.put(new byte[]{0x7f, 'E', 'L', 'F', 2, 1, 1, 0});
        header.position(16);
        header.putShort((short) 2).putShort((short) 0x3e).putInt(1);
        return header.array();
    }

    static byte[] script() {
        return "#!/bin/sh\necho \"Xin chào\"\nrm -rf /tmp/x\n".getBytes(StandardCharsets.UTF_8);
    }

    static byte[] zipArchive() {
        return write(out -> {
            try (ZipOutputStream zip = new ZipOutputStream(out)) {
                entry(zip, "bao-cao.txt", String.join("\n", PLAN));
            }
        });
    }

    /** A PDF's first line, then noise: what a broken download leaves. */
    static byte[] corruptPdf() {
        byte[] noise = new byte[4096];
        new Random(7).nextBytes(noise);
        return write(out -> {
            out.write("%PDF-1.7\n%âãÏÓ\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\n"
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.write(noise);
        });
    }

    /**
     * A Word 97 (.doc) file written byte by byte after [MS-DOC]: a File Information Block, the text as one Unicode
     * piece, one run of default character properties, an empty style sheet, one font, default document properties,
     * and the title in its summary information. POI reads such files but cannot create one, and no blank template
     * ships with it.
     */
    static byte[] doc(String title, List<String> lines) {
        byte[] text = (String.join("\r", lines) + "\r").getBytes(StandardCharsets.UTF_16LE);
        int characters = text.length / 2;
        int runsPage = 2; // 512-byte pages of the main stream: the FIB fills the first two
        int textAt = (runsPage + 1) * 512;

        ByteBuffer table = ByteBuffer.allocate(1024).order(ByteOrder.LITTLE_ENDIAN);
        int styleSheetAt = 0;
        table.putShort((short) 18); // cbStshi; the Stshi after it, all zero: no styles
        int styleSheetSize = 2 + 18;
        int fontsAt = styleSheetSize;
        byte[] fontName = "Times New Roman\0".getBytes(StandardCharsets.UTF_16LE);
        table.position(fontsAt);
        table.putShort((short) 1).putShort((short) 0); // one font, no extra data
        table.put((byte) (40 + fontName.length - 1)).put((byte) 0).putShort((short) 400); // cbFfnM1, flags, weight
        table.position(table.position() + 36).put(fontName); // charset, alternate name, panose, signature: zero
        int fontsSize = table.position() - fontsAt;
        int propertiesAt = table.position();
        int propertiesSize = 500; // a Dop97, all defaults
        int piecesAt = propertiesAt + propertiesSize;
        table.position(piecesAt);
        table.put((byte) 2).putInt(2 * 4 + 8); // Pcdt: its PlcPcd holds two character positions and one piece
        table.putInt(0).putInt(characters);
        table.putShort((short) 0).putInt(textAt).putShort((short) 0); // the piece: Unicode text at textAt
        int piecesSize = table.position() - piecesAt;
        int runsAt = table.position();
        table.putInt(textAt).putInt(textAt + text.length).putInt(runsPage); // PlcBteChpx: one page of runs
        int runsSize = table.position() - runsAt;

        ByteBuffer word = ByteBuffer.allocate(textAt + text.length).order(ByteOrder.LITTLE_ENDIAN);
        word.putShort((short) 0xA5EC).putShort((short) 0x00C1).putShort((short) 0).putShort((short) 0x042A);
        word.putShort((short) 0).putShort((short) 0x1200); // the table stream is 1Table; text is Unicode
        word.putShort((short) 0x00BF);
        word.position(32);
        word.putShort((short) 14); // csw: the FibRgW97 that follows, all zero
        word.position(62);
        word.putShort((short) 22); // cslw: the FibRgLw97
        word.putInt(64, word.capacity()); // cbMac
        word.putInt(64 + 3 * 4, characters); // ccpText
        word.position(152);
        word.putShort((short) 0x5D); // cbRgFcLcb: the FibRgFcLcb97's 93 pairs
        int pairs = 154;
        word.putInt(pairs + 8, styleSheetAt).putInt(pairs + 8 + 4, styleSheetSize); // fcStshf, lcbStshf
        word.putInt(pairs + 15 * 8, fontsAt).putInt(pairs + 15 * 8 + 4, fontsSize); // fcSttbfFfn, lcbSttbfFfn
        word.putInt(pairs + 12 * 8, runsAt).putInt(pairs + 12 * 8 + 4, runsSize); // fcPlcfBteChpx, lcb…
        word.putInt(pairs + 31 * 8, propertiesAt).putInt(pairs + 31 * 8 + 4, propertiesSize); // fcDop, lcbDop
        word.putInt(pairs + 33 * 8, piecesAt).putInt(pairs + 33 * 8 + 4, piecesSize); // fcClx, lcbClx
        // ChpxFkp: one run over the whole text, with the default character properties (offset 0)
        word.putInt(runsPage * 512, textAt).putInt(runsPage * 512 + 4, textAt + text.length);
        word.put(runsPage * 512 + 511, (byte) 1);
        word.position(textAt);
        word.put(text);

        return write(out -> {
            try (POIFSFileSystem fs = new POIFSFileSystem()) {
                fs.createDocument(new ByteArrayInputStream(word.array()), "WordDocument");
                fs.createDocument(new ByteArrayInputStream(table.array()), "1Table");
                SummaryInformation summary = PropertySetFactory.newSummaryInformation();
                summary.getFirstSection().setCodepage(CodePageUtil.CP_UNICODE);
                summary.setTitle(title);
                summary.setAuthor("Văn phòng UBND xã");
                fs.createDocument(summary.toInputStream(), SummaryInformation.DEFAULT_STREAM_NAME);
                fs.writeFilesystem(out);
            }
        });
    }

    static BufferedImage picture(List<String> lines) {
        BufferedImage image = new BufferedImage(2200, 120 + 80 * lines.size(), BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = image.createGraphics();
        graphics.setColor(Color.WHITE);
        graphics.fillRect(0, 0, image.getWidth(), image.getHeight());
        graphics.setColor(Color.BLACK);
        graphics.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        graphics.setFont(font(44f));
        for (int i = 0; i < lines.size(); i++) {
            graphics.drawString(lines.get(i), 40, 100 + 80 * i);
        }
        graphics.dispose();
        return image;
    }

    private static byte[] image(String format, List<String> lines) {
        return write(out -> ImageIO.write(picture(lines), format, out));
    }

    private static Font font(float size) {
        try {
            return Font.createFont(Font.TRUETYPE_FONT, FONT).deriveFont(size);
        } catch (FontFormatException | IOException e) {
            throw new IllegalStateException("Phông DejaVu cần cho tệp thử nghiệm: " + FONT, e);
        }
    }

    private static void writeLines(PDDocument document, List<String> lines) throws IOException {
        PDPage page = new PDPage(PDRectangle.A4);
        document.addPage(page);
        PDType0Font font = PDType0Font.load(document, FONT);
        try (PDPageContentStream content = new PDPageContentStream(document, page)) {
            content.beginText();
            content.setFont(font, 12);
            content.setLeading(18);
            content.newLineAtOffset(60, PDRectangle.A4.getHeight() - 60);
            for (String line : lines) {
                content.showText(line);
                content.newLine();
            }
            content.endText();
        }
    }

    private static byte[] workbook(Workbook workbook, List<String> cells) {
        return write(out -> {
            try (workbook) {
                Sheet sheet = workbook.createSheet("Số liệu");
                for (int i = 0; i < cells.size(); i++) {
                    sheet.createRow(i).createCell(0).setCellValue(cells.get(i));
                }
                workbook.write(out);
            }
        });
    }

    private static byte[] openDocument(String mediaType, String body) {
        return openDocument(mediaType, content -> content.write(body.getBytes(StandardCharsets.UTF_8)));
    }

    /** What goes into an OpenDocument's {@code office:body}, written part by part (a drill's body is huge). */
    interface Body {
        void writeTo(OutputStream content) throws IOException;
    }

    static byte[] openDocument(String mediaType, Body body) {
        String namespaces = "xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\""
                + " xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\""
                + " xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\"";
        return write(out -> {
            try (ZipOutputStream zip = new ZipOutputStream(out)) {
                // The media type comes first and uncompressed, so that it can be read at a fixed offset.
                byte[] type = mediaType.getBytes(StandardCharsets.US_ASCII);
                ZipEntry mimetype = new ZipEntry("mimetype");
                mimetype.setMethod(ZipEntry.STORED);
                mimetype.setSize(type.length);
                CRC32 crc = new CRC32();
                crc.update(type);
                mimetype.setCrc(crc.getValue());
                zip.putNextEntry(mimetype);
                zip.write(type);
                zip.closeEntry();
                entry(zip, "META-INF/manifest.xml", """
                        <?xml version="1.0" encoding="UTF-8"?>
                        <manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">
                        <manifest:file-entry manifest:full-path="/" manifest:media-type="%s"/>
                        <manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>
                        </manifest:manifest>""".formatted(mediaType));
                zip.putNextEntry(new ZipEntry("content.xml"));
                zip.write(("<?xml version=\"1.0\" encoding=\"UTF-8\"?><office:document-content " + namespaces
                        + " office:version=\"1.2\"><office:body>").getBytes(StandardCharsets.UTF_8));
                body.writeTo(zip);
                zip.write("</office:body></office:document-content>".getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        });
    }

    private static void entry(ZipOutputStream zip, String name, String content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    private interface Writing {
        // POI's encryption and property sets have checked exceptions of their own.
        void to(ByteArrayOutputStream out) throws Exception;
    }

    private interface Building {
        void build(PDDocument document) throws IOException;
    }

    private static byte[] write(Writing writing) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            writing.to(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }

    private static byte[] pdfDocument(Building building) {
        return write(out -> {
            try (PDDocument document = new PDDocument()) {
                building.build(document);
                document.save(out);
            }
        });
    }
}
