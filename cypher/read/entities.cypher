// A page of entities, filtered by kind and by a case-insensitive part of a name or alias.
MATCH (e:Entity)
WHERE ($kind IS NULL OR e.kind = $kind)
  AND ($name IS NULL OR toLower(e.name) CONTAINS toLower($name) OR toLower(e.aliasText) CONTAINS toLower($name))
WITH e ORDER BY CASE WHEN $desc THEN null ELSE e.name END ASC, CASE WHEN $desc THEN e.name END DESC, e.id
WITH collect(e) AS items
RETURN size(items) AS total,
       [e IN items[$offset..($offset + $limit)] | {id: e.id, labels: labels(e), props: properties(e)}] AS page
