"""The article body's vocabulary: what each kind of block is in every output."""
