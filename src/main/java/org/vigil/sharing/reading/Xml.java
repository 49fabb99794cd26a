package org.vigil.sharing.reading;

import java.io.InputStream;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * StAX reading of workbook parts. Document type declarations are refused, so no entity can
 * expand (the "billion laughs") or reach outside the file.
 */
final class Xml {

    private static final XMLInputFactory FACTORY = factory();

    private Xml() {
    }

    static XMLStreamReader reader(InputStream in) throws XMLStreamException {
        return FACTORY.createXMLStreamReader(in);
    }

    /** The value of the attribute with this local name, whatever its namespace, or {@code null}. */
    static String attribute(XMLStreamReader r, String localName) {
        for (int i = 0, n = r.getAttributeCount(); i < n; i++) {
            if (localName.equals(r.getAttributeLocalName(i))) {
                return r.getAttributeValue(i);
            }
        }
        return null;
    }

    /**
     * From a start tag, appends the element's text (that of nested elements included) and stops
     * at its end tag.
     *
     * @return {@code false} when the text would pass the buffer's ceiling (the reader is then
     *         left inside the element)
     */
    static boolean readText(XMLStreamReader r, TextBuffer out) throws XMLStreamException {
        int depth = 1;
        while (depth > 0) {
            switch (r.next()) {
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                    if (!out.append(r.getTextCharacters(), r.getTextStart(), r.getTextLength())) {
                        return false;
                    }
                }
                case XMLStreamConstants.START_ELEMENT -> depth++;
                case XMLStreamConstants.END_ELEMENT -> depth--;
                case XMLStreamConstants.DTD -> throw new XMLStreamException("a document type declaration");
                default -> {
                    // comments and processing instructions carry no cell text
                }
            }
        }
        return true;
    }

    /** From a start tag, skips to the element's end tag. */
    static void skip(XMLStreamReader r) throws XMLStreamException {
        int depth = 1;
        while (depth > 0) {
            int event = r.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
            }
            else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
    }

    /**
     * Moves to the next start tag, or returns {@code false} at the end of the document. A
     * document type declaration is refused.
     */
    static boolean nextStart(XMLStreamReader r) throws XMLStreamException {
        while (r.hasNext()) {
            int event = r.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                return true;
            }
            if (event == XMLStreamConstants.DTD) {
                throw new XMLStreamException("a document type declaration");
            }
        }
        return false;
    }

    private static XMLInputFactory factory() {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, false);
        return factory;
    }
}
