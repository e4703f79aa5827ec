// js-sequence-diagrams finds Raphael and underscore as globals: set before it runs (imported first).
import Raphael from "raphael";
import underscore from "underscore";

const host = window as unknown as { Raphael?: unknown; _?: unknown };
host.Raphael = Raphael;
host._ = underscore;
