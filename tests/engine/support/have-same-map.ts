// V8's %HaveSameMap: whether two objects share a hidden class. Only under `node --allow-natives-syntax` (the
// hidden-class tests' children); a plain parse would refuse the % syntax, hence the Function.
export const haveSameMap = new Function('a', 'b', 'return %HaveSameMap(a, b)') as (a: object, b: object) => boolean
