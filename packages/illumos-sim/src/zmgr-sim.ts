#!/usr/bin/env node
// The `zmgr-sim` bin (README "zmgr-sim").
import { runZmgrSim } from "./sim-bin.js";

await runZmgrSim();
