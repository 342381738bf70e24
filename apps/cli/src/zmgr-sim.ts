#!/usr/bin/env node
// `zmgr-sim` ships with the cli too, so `npm i -g @zmgr/cli` links it beside `zmgr`; the
// simulator and its bin live in @zmgr/illumos-sim.
import { runZmgrSim } from "@zmgr/illumos-sim";

await runZmgrSim();
