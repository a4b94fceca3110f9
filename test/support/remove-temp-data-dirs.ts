import { removeTempDataDirs } from './temp-data-dirs.js';

// Tests that stop a server and start another on the same directory, or spawn tools on it, cannot
// always remove it themselves (a failing assertion skips their cleanup); nothing is left in /tmp.
afterAll(removeTempDataDirs);
