"""What aggregators and search engines read: RSS, Atom and JSON Feed, sitemaps, robots.txt."""
