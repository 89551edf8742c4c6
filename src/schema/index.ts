/**
 * Assembles the schema: imports each concept's file (for its side effects) and builds it.
 *
 * Two schemas come from the one builder: `schemaWithWrites`, everything, served when
 * credentials are configured (and printed to schema/schema.graphql, so that the printed file
 * does not depend on the environment); and `schema`, the same without the Mutation type and
 * the types only it uses, served when none are: then the API offers no mutations at all.
 */
import { GraphQLSchema, isInputObjectType, isInterfaceType, isObjectType, isUnionType, getNamedType, type GraphQLNamedType } from 'graphql';
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
import './revision.js';
import './article-writes.js';

export const schemaWithWrites = builder.toSchema({ sortSchema: true });
export const schema = withoutMutations(schemaWithWrites);

/** `full` without its Mutation type and the types reachable only through it. */
export function withoutMutations(full: GraphQLSchema): GraphQLSchema {
  const reached = new Map<string, GraphQLNamedType>();
  const visit = (type: GraphQLNamedType) => {
    if (reached.has(type.name)) return;
    reached.set(type.name, type);
    if (isObjectType(type) || isInterfaceType(type)) {
      for (const i of type.getInterfaces()) visit(i);
      for (const field of Object.values(type.getFields())) {
        visit(getNamedType(field.type));
        for (const arg of field.args) visit(getNamedType(arg.type));
      }
    }
    if (isInterfaceType(type)) for (const o of full.getPossibleTypes(type)) visit(o);
    if (isUnionType(type)) for (const o of type.getTypes()) visit(o);
    if (isInputObjectType(type)) for (const field of Object.values(type.getFields())) visit(getNamedType(field.type));
  };
  visit(full.getQueryType()!);
  for (const d of full.getDirectives()) for (const arg of d.args) visit(getNamedType(arg.type));
  return new GraphQLSchema({ ...full.toConfig(), mutation: null, types: [...reached.values()] });
}
