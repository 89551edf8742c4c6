/**
 * The names of the schema's types, declared once so that files can point at each other's
 * types without import cycles. Each type is implemented in the file named after it.
 */
import { builder } from '../builder.js';
import type { EvidenceRef } from '../core/ids.js';
import type { GNode, GRel } from '../core/model.js';

export const NodeRef = builder.nodeInterfaceRef();
export const EntityRef = builder.interfaceRef<GNode>('Entity');
export const FactRef = builder.interfaceRef<GNode>('Fact');

export const ArticleRef = builder.objectRef<GNode>('Article');
export const SentenceRef = builder.objectRef<GNode>('Sentence');
export const PersonRef = builder.objectRef<GNode>('Person');
export const OrganisationRef = builder.objectRef<GNode>('Organisation');
export const PlaceRef = builder.objectRef<GNode>('Place');
export const GroupRef = builder.objectRef<GNode>('Group');
export const AnonymousSourceRef = builder.objectRef<GNode>('AnonymousSource');
export const RoleRef = builder.objectRef<GNode>('Role');
export const EventRef = builder.objectRef<GNode>('Event');
export const MotionRef = builder.objectRef<GNode>('Motion');
export const VoteRef = builder.objectRef<GNode>('Vote');
export const StatementRef = builder.objectRef<GNode>('Statement');

export const EvidenceType = builder.objectRef<EvidenceRef>('Evidence');
export const RelationshipRef = builder.objectRef<GRel>('Relationship');
