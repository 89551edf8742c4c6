// An article's revisions, newest first, with the input each was made from.
MATCH (r:Revision {articleId: $articleId})
RETURN properties(r) AS props
ORDER BY r.number DESC
