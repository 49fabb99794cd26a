/**
 * The feed catalogue: every kind of file departments deliver (SHARE-3, REG-11, CERT-9), as
 * versioned data, with the header mapping and cell parsers that turn a delivered file's columns
 * into typed, validated values, the DATA-6 review level of each column and where the SHARE-4 age
 * filter is allowed. It is the city's one set of collection rules for shared data (DATA-4); see
 * {@code docs/feed-catalogue.md}.
 */
package org.vigil.sharing.catalogue;
