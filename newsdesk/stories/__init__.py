"""Stories: a running subject ("North Korean troops in Russia") that gathers articles and a
chronology of dated, sourced claims."""
