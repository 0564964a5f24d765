import { describeDeclaredErrors } from '@serviceops/platform/testing';

// Analytics answers read models only: no code of its own (a bad page or cursor is the platform's VALIDATION).
describeDeclaredErrors('analytics', []);
