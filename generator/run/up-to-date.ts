import { isFolderCurrent } from "../write/current-folder.js";
import { sourcesOf, type FolderPlan } from "./folder-plan.js";

/**
 * The no-op fast path over several folders: their inputs and files when every one is current, else `undefined`
 * (one folder that needs rendering is enough to render).
 */
export async function findCurrentFolders(plans: readonly FolderPlan[]): Promise<{ inputs: string[]; files: string[] } | undefined> {
  const inputs = new Set<string>();
  const files: string[] = [];
  for (const plan of plans) {
    const current = await isFolderCurrent(sourcesOf(plan));
    if (current === undefined) return undefined;
    for (const input of current.inputs) inputs.add(input);
    files.push(...current.files);
  }
  return { inputs: [...inputs].sort(), files };
}

