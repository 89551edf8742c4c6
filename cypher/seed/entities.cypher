// Entities are shared between articles: MERGE by id, keep the newest description, and
// union the aliases so each article adds the names it uses.
UNWIND $entities AS e
MERGE (n:Node:Entity {id: e.id})
SET n:$(e.kind), n.kind = e.kind, n.name = e.name, n += e.props,
    n.aliases = coalesce(n.aliases, []) + [x IN e.aliases WHERE NOT x IN coalesce(n.aliases, [])]
SET n.aliasText = reduce(s = '', x IN n.aliases | s + x + ' | ')
RETURN count(n) AS entities
