/** The desk's print choices: read by the report domain and kept in the desk's settings. */

export type Paper = 'a4' | 'receipt80' | 'receipt58';

/** What the printout says about clients; phones are personal data a desk may leave off paper. */
export type PrintClientDetails = 'nameAndPhone' | 'nameOnly' | 'none';
