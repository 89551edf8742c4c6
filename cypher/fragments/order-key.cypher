// Included as {{order-key <node>}} (see src/db/cypher.ts): the place of <node> in the order
// every page of relationships gives the nodes at its other end, as one string that sorts
// the same way: facts in the order their article tells them (article, then position), then
// nodes without an article (entities), each by key; a missing article or position sorts
// last, as in ORDER BY. Fields are joined by U+0001, below any character of a key, so a
// shorter key sorts first; the position is written as a whole number (the driver stores a
// JavaScript number as a float, whose toString is "287.0", and "9.0E15" from 1e7 up) padded
// to 16 digits (Number.MAX_SAFE_INTEGER has 16).
CASE WHEN {{node}}.articleId IS NULL THEN '1' ELSE '0' + {{node}}.articleId END + '\u0001' + CASE WHEN {{node}}.position IS NULL THEN '1' ELSE '0' + right('0000000000000000' + toString(toInteger({{node}}.position)), 16) END + '\u0001' + {{node}}.id
