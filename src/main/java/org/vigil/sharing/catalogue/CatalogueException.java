package org.vigil.sharing.catalogue;

/**
 * The catalogue data is wrong: a type or enum value nobody knows, a duplicate key or alias, a
 * missing header. The message names the source, the feed and the column. This is a defect of the
 * shipped catalogue (or of a test's), never of a delivered file.
 */
public class CatalogueException extends RuntimeException {

    public CatalogueException(String message) {
        super(message);
    }

    public CatalogueException(String message, Throwable cause) {
        super(message, cause);
    }
}
