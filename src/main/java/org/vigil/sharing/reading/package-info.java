/**
 * Opens a file a department delivered (CSV in UTF-8 or GBK, XLSX, JSON Lines), detects what it
 * is and streams its rows to ingestion quickly, in bounded memory, refusing damaged or hostile
 * files with the file, row and column of the defect.
 */
package org.vigil.sharing.reading;
