/* xlsxout.c: placeholder */
