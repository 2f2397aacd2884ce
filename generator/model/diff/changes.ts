import { CHANGE_RULES, type ChangeLevel, type ChangeRuleId } from "./rules.js";

/**
 * What a change is about, as a key into a registry: `codes.NormalClosure`, `codes.NormalClosure.aliases.CLOSE_NORMAL`,
 * `ranges.Private`, `sets.Valid.include`, `locales.de`, `codes.NormalClosure.description.de`. The caller turns it
 * into a file position; a key it cannot place is placed at its nearest parent.
 */
export type SubjectKey = string;

/** One classified change between two states of a registry. */
export interface RegistryChange {
  readonly rule: ChangeRuleId;
  readonly level: ChangeLevel;
  readonly message: string;
  /** Where the change is in the new registry, when it is there at all (a removal is not). */
  readonly newKey: SubjectKey | undefined;
  /** Where it was in the old registry, when it was there (an addition was not). */
  readonly oldKey: SubjectKey | undefined;
}

/** Collects the changes of one comparison. */
export class ChangeList {
  readonly changes: RegistryChange[] = [];

  /** Records a change under `rule`, at `newKey` in the new registry and `oldKey` in the old one. */
  add(rule: ChangeRuleId, message: string, newKey: SubjectKey | undefined, oldKey: SubjectKey | undefined): void {
    this.changes.push({ rule, level: CHANGE_RULES[rule].level, message, newKey, oldKey });
  }
}
