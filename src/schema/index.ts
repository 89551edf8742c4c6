/** Assembles the schema: imports each concept's file (for its side effects) and builds it. */
import { builder } from '../builder.js';
import './node.js';
import './enums.js';
import './evidence.js';
import './relationship.js';
import './fact.js';
import './article.js';
import './entity.js';
import './person.js';
import './organisation.js';
import './place.js';
import './group.js';
import './anonymous-source.js';
import './role.js';
import './event.js';
import './motion.js';
import './vote.js';
import './statement.js';
import './search.js';
import './path.js';

export const schema = builder.toSchema({ sortSchema: true });
