#!/usr/bin/env python3
"""Random AArch64 integer instruction sequences for the differential test.

Usage: gen_int.py SEED [COUNT] > prog.S
Emits a freestanding program: random values in x0-x15 and NZCV, COUNT random
data-processing, compare, conditional, CRC and branch instructions, then the
registers and NZCV written to stdout (136 bytes) and exit(0).  tests/diff/run.sh
runs it under ferry and under the reference and compares the bytes.
"""
import random, sys
seed=int(sys.argv[1]); random.seed(seed)
R=lambda: random.randrange(0,16)
def x(): return 'x%d'%R()
def w(): return 'w%d'%R()
def xz(): r=random.randrange(0,17); return 'xzr' if r==16 else 'x%d'%r
def wz(): r=random.randrange(0,17); return 'wzr' if r==16 else 'w%d'%r
conds='eq ne cs cc mi pl vs vc hi ls ge lt gt le al nv'.split()
conds2=conds[:14]
def bitmask(sf):
    # random valid logical immediate: element size e, ones s+1, rotation r
    while True:
        e=random.choice([2,4,8,16,32,64] if sf else [2,4,8,16,32])
        ones=random.randrange(1,e)
        r=random.randrange(0,e)
        elem=((1<<ones)-1)
        elem=((elem>>r)|(elem<<(e-r)))&((1<<e)-1)
        v=0
        for i in range(0,64 if sf else 32,e): v|=elem<<i
        return hex(v)
def T():
    k=random.randrange(0,40)
    sh=random.choice(['lsl','lsr','asr'])
    shl=random.choice(['lsl','lsr','asr','ror'])
    ext=random.choice(['uxtb','uxth','uxtw','sxtb','sxth','sxtw'])
    op=random.choice
    if k==0: return '%s %s, %s, %s, %s #%d'%(op(['add','adds','sub','subs']),xz(),xz(),xz(),sh,random.randrange(64))
    if k==1: return '%s %s, %s, %s, %s #%d'%(op(['add','adds','sub','subs']),wz(),wz(),wz(),sh,random.randrange(32))
    if k==2: return '%s %s, %s, %s, %s #%d'%(op(['and','ands','orr','orn','eor','eon','bic','bics']),xz(),xz(),xz(),shl,random.randrange(64))
    if k==3: return '%s %s, %s, %s, %s #%d'%(op(['and','ands','orr','orn','eor','eon','bic','bics']),wz(),wz(),wz(),shl,random.randrange(32))
    if k==4: return '%s %s, %s, %s, %s #%d'%(op(['add','adds','sub','subs']),x(),x(),w(),ext,random.randrange(5))
    if k==5: return '%s %s, %s, %s, %s #%d'%(op(['add','adds','sub','subs']),w(),w(),w(),ext,random.randrange(5))
    if k==6: return '%s %s, %s, #%d, lsl #%d'%(op(['add','adds','sub','subs']),x(),x(),random.randrange(4096),op([0,12]))
    if k==7: return '%s %s, %s, #%d, lsl #%d'%(op(['add','adds','sub','subs']),w(),w(),random.randrange(4096),op([0,12]))
    if k==8: return '%s %s, %s, %s'%(op(['adc','adcs','sbc','sbcs']),xz(),xz(),xz())
    if k==9: return '%s %s, %s, %s'%(op(['adc','adcs','sbc','sbcs']),wz(),wz(),wz())
    if k==10: return '%s %s, %s, #%s'%(op(['and','ands','orr','eor']),x(),xz(),bitmask(True))
    if k==11: return '%s %s, %s, #%s'%(op(['and','ands','orr','eor']),w(),wz(),bitmask(False))
    if k==12: return '%s %s, #%d, lsl #%d'%(op(['movz','movn','movk']),x(),random.randrange(65536),op([0,16,32,48]))
    if k==13: return '%s %s, #%d, lsl #%d'%(op(['movz','movn','movk']),w(),random.randrange(65536),op([0,16]))
    if k==14:
        r=random.randrange(64); s=random.randrange(64); return '%s %s, %s, #%d, #%d'%(op(['sbfm','bfm','ubfm']),x(),xz(),r,s)
    if k==15:
        r=random.randrange(32); s=random.randrange(32); return '%s %s, %s, #%d, #%d'%(op(['sbfm','bfm','ubfm']),w(),wz(),r,s)
    if k==16: return 'extr %s, %s, %s, #%d'%(x(),xz(),xz(),random.randrange(64))
    if k==17: return 'extr %s, %s, %s, #%d'%(w(),wz(),wz(),random.randrange(32))
    if k==18: return '%s %s, %s, %s, %s'%(op(['csel','csinc','csinv','csneg']),xz(),xz(),xz(),op(conds))
    if k==19: return '%s %s, %s, %s, %s'%(op(['csel','csinc','csinv','csneg']),wz(),wz(),wz(),op(conds))
    if k==20: return '%s %s, %s, #%d, %s'%(op(['ccmp','ccmn']),xz(),xz(),random.randrange(16),op(conds))
    if k==21: return '%s %s, #%d, #%d, %s'%(op(['ccmp','ccmn']),wz(),random.randrange(32),random.randrange(16),op(conds))
    if k==22: return '%s %s, %s'%(op(['cset','csetm']),xz(),op(conds2))
    if k==23: return '%s %s, %s, %s, %s'%(op(['madd','msub']),xz(),xz(),xz(),xz())
    if k==24: return '%s %s, %s, %s, %s'%(op(['madd','msub']),wz(),wz(),wz(),wz())
    if k==25: return '%s %s, %s, %s, %s'%(op(['smaddl','smsubl','umaddl','umsubl']),xz(),wz(),wz(),xz())
    if k==26: return '%s %s, %s, %s'%(op(['smulh','umulh','udiv','sdiv','lslv','lsrv','asrv','rorv']),xz(),xz(),xz())
    if k==27: return '%s %s, %s, %s'%(op(['udiv','sdiv','lslv','lsrv','asrv','rorv']),wz(),wz(),wz())
    if k==28: return '%s %s, %s'%(op(['rbit','rev16','rev32','rev','clz','cls']),xz(),xz())
    if k==29: return '%s %s, %s'%(op(['rbit','rev16','rev','clz','cls']),wz(),wz())
    if k==30: return '%s %s, %s, %s'%(op(['crc32b','crc32h','crc32w','crc32cb','crc32ch','crc32cw']),wz(),wz(),wz())
    if k==31: return '%s %s, %s, %s'%(op(['crc32x','crc32cx']),wz(),wz(),xz())
    if k==32: return 'msr nzcv, %s'%xz()
    if k==33: return 'mrs %s, nzcv'%x()
    if k==34: return 'cmp %s, %s'%(x(),x())
    if k==35: return 'cmp %s, %s'%(w(),w())
    if k==36: return 'b.%s 1f\n    eor x%d, x%d, #1\n1:'%(op(conds),R(),R())
    if k==37: return '%s %s, 1f\n    add x%d, x%d, #3\n1:'%(op(['cbz','cbnz']),op([x(),w()]),R(),R())
    if k==38: return '%s %s, #%d, 1f\n    add x%d, x%d, #5\n1:'%(op(['tbz','tbnz']),x(),random.randrange(64),R(),R())
    return 'tst %s, %s'%(x(),x())
vals=[0,1,0xffffffffffffffff,0x7fffffffffffffff,0x8000000000000000,0x80000000,0x7fffffff,0xffffffff,0x100000000]
print('.arch armv8-a+crc\n.globl _start\n_start:')
for i in range(16):
    v=random.choice(vals) if random.random()<0.4 else random.getrandbits(64)
    for j,sh in enumerate([0,16,32,48]):
        print('    %s x%d, #%d%s'%('movz' if j==0 else 'movk',i,(v>>sh)&0xffff,', lsl #%d'%sh if sh else ''))
print('    mov x16, #%d\n    lsl x16, x16, #28\n    msr nzcv, x16'%random.randrange(16))
for i in range(int(sys.argv[2]) if len(sys.argv)>2 else 200):
    print('    '+T())
print('''    mrs x16, nzcv
    adrp x17, buf
    add x17, x17, :lo12:buf
    stp x0, x1, [x17, #0]
    stp x2, x3, [x17, #16]
    stp x4, x5, [x17, #32]
    stp x6, x7, [x17, #48]
    stp x8, x9, [x17, #64]
    stp x10, x11, [x17, #80]
    stp x12, x13, [x17, #96]
    stp x14, x15, [x17, #112]
    str x16, [x17, #128]
    mov x0, #1
    mov x1, x17
    mov x2, #136
    mov x8, #64
    svc #0
    mov x0, #0
    mov x8, #93
    svc #0
.bss
buf: .space 256''')
