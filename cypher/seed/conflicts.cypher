// Ids this article would take over from another article, and entities whose kind differs
// from what is stored. Either refuses the load before anything is written.
UNWIND $facts AS f
MATCH (n:Fact:Node {id: f.id})
WHERE n.articleId <> $articleId
RETURN f.id AS id, 'is already a fact of article ' + n.articleId AS problem
UNION ALL
UNWIND $entities AS e
MATCH (n:Entity:Node {id: e.id})
WHERE n.kind <> e.kind
RETURN e.id AS id, 'is stored as a ' + n.kind + ', not a ' + e.kind AS problem
