package org.vigil.sharing.quality;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.NamingTable;
import org.apache.fontbox.ttf.OS2WindowsMetricsTable;
import org.apache.fontbox.ttf.OpenTypeFont;
import org.apache.fontbox.ttf.PostScriptTable;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;

/**
 * The font with Chinese glyphs that the PDF evaluation embeds (ADR 0014, option 2). The repository
 * ships no font, so it is the server's: the file named by {@value #SETTING}, or else the first
 * readable one of {@link #DEFAULT_LOCATIONS}. A configured file that cannot be used is refused
 * rather than passed over for a default, so a mistyped setting does not go unnoticed.
 *
 * <p>Only faces with TrueType outlines are taken: PDFBox subsets and embeds those, so a report
 * carries the few hundred glyphs it uses rather than megabytes of font. The chosen face stays open
 * until the document is saved, because the subset is cut from it then.
 */
final class CjkFont implements Closeable {

    static final String SETTING = "vigil.report.cjk-font";
    static final String ENVIRONMENT = "VIGIL_REPORT_CJK_FONT";
    static final String DEBIAN_PACKAGE = "fonts-wqy-microhei";

    /**
     * Where the fonts the agency's machines usually have are installed: WenQuanYi on Debian and
     * Ubuntu servers (the packages {@value #DEBIAN_PACKAGE} and fonts-wqy-zenhei), SimSun and
     * Microsoft YaHei on Windows. Strings, not paths, because each is only valid on its own system.
     */
    static final List<String> DEFAULT_LOCATIONS = List.of(
            "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
            "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
            "C:\\Windows\\Fonts\\simsun.ttc",
            "C:\\Windows\\Fonts\\msyh.ttc");

    /** Characters every usable face must have: a Latin-only font would print the report as blanks. */
    private static final String CHINESE_SAMPLE = "数据提供单位评估";

    private final Path file;
    private final TrueTypeFont face;
    private final Closeable owner;
    private final CmapLookup cmap;

    private CjkFont(Path file, TrueTypeFont face, Closeable owner) throws IOException {
        this.file = file;
        this.face = face;
        this.owner = owner;
        this.cmap = face.getUnicodeCmapLookup();
    }

    /** The configured font (blank: not configured) or the first default found; refused with {@link IllegalStateException}. */
    static CjkFont open(String configured) {
        return open(configured, DEFAULT_LOCATIONS);
    }

    static CjkFont open(String configured, List<String> defaults) {
        if (configured != null && !configured.isBlank()) {
            Path path;
            try {
                path = Path.of(configured.strip());
            }
            catch (InvalidPathException e) {
                throw refusal(SETTING + " is \"" + configured + "\", which is not a file name");
            }
            if (Files.isDirectory(path)) {
                throw refusal(SETTING + " names " + path + ", which is a folder, not a font file");
            }
            if (!Files.isRegularFile(path)) {
                throw refusal(SETTING + " names " + path + ", which does not exist");
            }
            if (!Files.isReadable(path)) {
                throw refusal(SETTING + " names " + path + ", which cannot be read");
            }
            try {
                return load(path);
            }
            catch (Unusable e) {
                throw refusal(SETTING + " names " + path + ", " + e.getMessage());
            }
        }
        List<String> unusable = new ArrayList<>();
        for (String location : defaults) {
            Optional<Path> path = readable(location);
            if (path.isEmpty()) {
                continue;
            }
            try {
                return load(path.get());
            }
            catch (Unusable e) {
                unusable.add(path.get() + ", " + e.getMessage());
            }
        }
        throw refusal(SETTING + " is not set and " + (unusable.isEmpty()
                ? "none of the usual locations has a font (" + String.join(", ", defaults) + ")"
                : "the fonts found cannot be used: " + String.join("; ", unusable)));
    }

    private static Optional<Path> readable(String location) {
        try {
            Path path = Path.of(location);
            return Files.isRegularFile(path) && Files.isReadable(path) ? Optional.of(path) : Optional.empty();
        }
        catch (InvalidPathException e) {
            // a location this system cannot even name
            return Optional.empty();
        }
    }

    private static IllegalStateException refusal(String why) {
        // one line, as the command line shows only an error's first
        return new IllegalStateException("cannot write the PDF without a font with Chinese glyphs: "
                + why.replaceAll("\\s*\\R\\s*", " ")
                + "; set " + SETTING + " (environment " + ENVIRONMENT + ") to a TrueType font file (.ttf or .ttc, "
                + "such as simsun.ttc), or install the Debian package " + DEBIAN_PACKAGE
                + "; the XLSX workbook needs no font");
    }

    private static CjkFont load(Path path) throws Unusable {
        String tag;
        try (InputStream in = Files.newInputStream(path)) {
            tag = new String(in.readNBytes(4), java.nio.charset.StandardCharsets.ISO_8859_1);
        }
        catch (IOException e) {
            throw new Unusable("which cannot be read (" + e.getMessage() + ")");
        }
        try {
            switch (tag) {
                case "ttcf" -> {
                    return fromCollection(path);
                }
                case "\0\1\0\0", "true" -> {
                    TrueTypeFont font = new TTFParser().parse(new RandomAccessReadBufferedFile(path.toFile()));
                    String problem;
                    try {
                        problem = problem(font);
                    }
                    catch (IOException | RuntimeException e) {
                        font.close();
                        throw e;
                    }
                    if (problem != null) {
                        font.close();
                        throw new Unusable("whose font " + problem);
                    }
                    return new CjkFont(path, font, font);
                }
                case "OTTO" -> throw new Unusable("an OpenType font with PostScript (CFF) outlines, which PDFBox "
                        + "cannot subset; name one with TrueType outlines");
                default -> throw new Unusable("which is not a TrueType font or collection");
            }
        }
        catch (IOException | RuntimeException e) {
            throw new Unusable("which is not a readable TrueType font (" + e.getMessage() + ")");
        }
    }

    /**
     * The regular face of a collection: collections pair the face meant for text with variants
     * (WenQuanYi Micro Hei with its Mono, SimSun with NSimSun, Microsoft YaHei with YaHei UI),
     * and the variant's family name is the text face's with something added, so among the usable
     * regular faces the one with the shortest family name is taken.
     */
    private static CjkFont fromCollection(Path path) throws IOException, Unusable {
        TrueTypeCollection collection = new TrueTypeCollection(path.toFile());
        try {
            List<TrueTypeFont> usable = new ArrayList<>();
            List<String> problems = new ArrayList<>();
            collection.processAllFonts(font -> {
                String problem = problem(font);
                if (problem == null) {
                    usable.add(font);
                }
                else {
                    problems.add(font.getName() + " " + problem);
                }
            });
            Optional<TrueTypeFont> regular = usable.stream()
                    .min(Comparator.comparing(CjkFont::notRegular).thenComparing(CjkFont::fixedPitch)
                            .thenComparingInt(f -> family(f).length()));
            if (regular.isEmpty()) {
                throw new Unusable("whose faces cannot be used: " + String.join("; ", problems));
            }
            return new CjkFont(path, regular.get(), collection);
        }
        catch (IOException | RuntimeException | Unusable e) {
            collection.close();
            throw e;
        }
    }

    /** Why a face cannot be used, or null when it can. */
    private static String problem(TrueTypeFont font) throws IOException {
        if (font instanceof OpenTypeFont otf && otf.isPostScript()) {
            return "has PostScript (CFF) outlines, which PDFBox cannot subset";
        }
        CmapLookup cmap;
        try {
            cmap = font.getUnicodeCmapLookup();
        }
        catch (IOException e) {
            return "has no Unicode character map";
        }
        if (!CHINESE_SAMPLE.codePoints().allMatch(c -> cmap.getGlyphId(c) != 0)) {
            return "has no Chinese glyphs";
        }
        OS2WindowsMetricsTable os2 = font.getOS2Windows();
        if (os2 != null) {
            int fsType = os2.getFsType();
            // the font's licence flags, read as PDFBox reads them before it embeds
            if ((fsType & 0x000F) == 0x0002) {
                return "does not permit embedding";
            }
            if ((fsType & 0x0100) != 0) {
                return "does not permit embedding a subset";
            }
        }
        return null;
    }

    private static boolean notRegular(TrueTypeFont font) {
        try {
            NamingTable naming = font.getNaming();
            String sub = naming == null ? null : naming.getFontSubFamily();
            return sub != null && !sub.equalsIgnoreCase("Regular") && !sub.equalsIgnoreCase("Normal")
                    && !sub.equalsIgnoreCase("Book");
        }
        catch (IOException e) {
            return true;
        }
    }

    private static boolean fixedPitch(TrueTypeFont font) {
        try {
            PostScriptTable post = font.getPostScript();
            return post != null && post.getIsFixedPitch() != 0;
        }
        catch (IOException e) {
            return false;
        }
    }

    private static String family(TrueTypeFont font) {
        try {
            NamingTable naming = font.getNaming();
            String family = naming == null ? null : naming.getFontFamily();
            return family != null ? family : font.getName();
        }
        catch (IOException e) {
            return "";
        }
    }

    /** The face, for {@code PDType0Font.load(document, face, true)}. */
    TrueTypeFont face() {
        return face;
    }

    /** Whether the face can draw the character; others are replaced before they reach the page. */
    boolean covers(int codePoint) {
        return cmap.getGlyphId(codePoint) != 0;
    }

    /** For messages and the document's metadata: the face and the file it came from. */
    String describe() {
        return family(face) + " (" + file.getFileName() + ")";
    }

    Path file() {
        return file;
    }

    @Override
    public void close() throws IOException {
        owner.close();
    }

    /** A file that is there but cannot serve; its message is the second half of a sentence that names the file. */
    private static final class Unusable extends Exception {

        Unusable(String message) {
            super(message);
        }
    }
}
