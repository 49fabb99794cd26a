package org.vigil.sharing.reading;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/** The date kind of each cell style of a workbook ({@link NumberFormats}), by style index. */
final class CellStyles {

    private static final String NUMBER_FORMAT = "numFmt";
    private static final String NUMBER_FORMAT_ID = "numFmtId";
    private static final String FORMAT_CODE = "formatCode";
    private static final String CELL_FORMATS = "cellXfs";
    private static final String FORMAT = "xf";
    /** Styles beyond this are not looked up: Excel allows 64,000 and a crafted part could list more. */
    private static final int MAX_STYLES = 1 << 16;

    static final CellStyles NONE = new CellStyles(new byte[0]);

    private final byte[] kinds;

    private CellStyles(byte[] kinds) {
        this.kinds = kinds;
    }

    static CellStyles read(XMLStreamReader r) throws XMLStreamException {
        Map<Integer, String> custom = new HashMap<>();
        byte[] kinds = new byte[16];
        int count = 0;
        boolean inCellFormats = false;
        while (r.hasNext()) {
            int event = r.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                String name = r.getLocalName();
                if (NUMBER_FORMAT.equals(name)) {
                    Integer id = number(Xml.attribute(r, NUMBER_FORMAT_ID));
                    if (id != null) {
                        custom.put(id, Xml.attribute(r, FORMAT_CODE));
                    }
                }
                else if (CELL_FORMATS.equals(name)) {
                    inCellFormats = true;
                }
                else if (inCellFormats && FORMAT.equals(name) && count < MAX_STYLES) {
                    Integer id = number(Xml.attribute(r, NUMBER_FORMAT_ID));
                    int formatId = id == null ? 0 : id;
                    if (count == kinds.length) {
                        kinds = Arrays.copyOf(kinds, count * 2);
                    }
                    kinds[count++] = custom.containsKey(formatId) ? NumberFormats.classify(custom.get(formatId))
                            : NumberFormats.builtIn(formatId);
                }
            }
            else if (event == XMLStreamConstants.END_ELEMENT && CELL_FORMATS.equals(r.getLocalName())) {
                inCellFormats = false;
            }
        }
        return new CellStyles(Arrays.copyOf(kinds, count));
    }

    /** The kind of style {@code index}; a number for an unknown style. */
    byte kind(int index) {
        return index >= 0 && index < kinds.length ? kinds[index] : NumberFormats.NUMBER;
    }

    private static Integer number(String text) {
        if (text == null || text.isEmpty() || text.length() > 9) {
            return null;
        }
        for (int i = 0; i < text.length(); i++) {
            if (!Character.isDigit(text.charAt(i))) {
                return null;
            }
        }
        return Integer.parseInt(text);
    }
}
