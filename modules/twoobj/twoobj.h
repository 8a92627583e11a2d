/* What the two objects of the twoobj module share. */
#ifndef TWOOBJ_H
#define TWOOBJ_H

extern int twoobj_count;
int twoobj_multiply(int a, int b);

#endif
